/** The page's icon (browsers ask for one; without it every visit logs a 404). */
export const ICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">
<rect width="32" height="32" rx="7" fill="#0b57d0"/>
<path d="M9 22.5c1.6 1.3 3.7 2 6.2 2 3.7 0 6.3-1.9 6.3-4.9 0-2.7-1.8-3.9-5.3-4.7-2.4-.6-3.2-1-3.2-2 0-.9.9-1.6 2.5-1.6 1.5 0
3 .5 4.2 1.4l1.6-2.5c-1.5-1.2-3.4-1.8-5.7-1.8-3.5 0-5.9 2-5.9 4.8 0 2.9 2 4 5.4 4.8 2.3.5 3.1 1 3.1 2 0 1-1 1.7-2.8 1.7-1.8
0-3.5-.7-4.9-1.8z" fill="#fff"/></svg>`;
