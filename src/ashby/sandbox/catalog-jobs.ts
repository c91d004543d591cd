/** Job templates for the seeded company "Northwind Outfitters": full, realistic job descriptions. */
export interface JobTemplate {
  title: string;
  department: string;
  team: string;
  location: string;
  workplaceType: 'OnSite' | 'Hybrid' | 'Remote';
  employmentType: 'FullTime' | 'PartTime' | 'Contract';
  /** Skills a matching resume draws from. */
  skills: string[];
  /** Job titles a matching resume's experience uses, junior to senior. */
  careerTitles: string[];
  summary: string;
  responsibilities: string[];
  mustHave: string[];
  niceToHave: string[];
  compensation: string;
  /** The whole description as given (a file seed's job): it replaces the company's usual text. */
  descriptionText?: string;
}

export const COMPANY_NAME = 'Northwind Outfitters';

const ABOUT =
  'Northwind Outfitters designs and sells outdoor clothing and gear through 140 stores, a fast-growing online shop and a '
  + 'wholesale business in eleven countries. We are 2,300 people who care about durable products, fair work and '
  + 'getting customers outside.';

const CLOSING =
  'We offer health, dental and vision cover from day one, a 401(k) match, 30% staff discount, paid volunteering days and a '
  + 'learning budget. Northwind is an equal opportunity employer: we welcome applicants of every background and '
  + 'provide reasonable accommodations throughout the hiring process.';

export const JOB_TEMPLATES: JobTemplate[] = [
  {
    title: 'Senior Backend Engineer',
    department: 'Engineering',
    team: 'Commerce Platform',
    location: 'Denver, CO',
    workplaceType: 'Hybrid',
    employmentType: 'FullTime',
    skills: [
      'TypeScript',
      'Node.js',
      'PostgreSQL',
      'Kafka',
      'AWS',
      'Docker',
      'Kubernetes',
      'GraphQL',
      'Redis',
      'Go',
      'Terraform',
      'REST API design',
    ],
    careerTitles: ['Software Engineer', 'Backend Engineer', 'Senior Software Engineer', 'Staff Engineer'],
    summary:
      'Our Commerce Platform team runs checkout, inventory and order services that handle 40,000 orders on a peak day. '
      + 'You will own services end to end, from design review to on-call, and help us move from a monolith to well-bounded services.',
    responsibilities: [
      'Design, build and operate Node.js and TypeScript services for checkout, inventory and fulfilment',
      'Model data in PostgreSQL and design event flows on Kafka that stay correct under retries',
      'Lead design reviews and mentor two to four engineers',
      'Improve reliability: SLOs, alerting, load tests and blameless post-incident reviews',
      'Work with product and store operations to turn messy retail problems into simple systems',
    ],
    mustHave: [
      '5+ years building backend services in production',
      'Strong TypeScript or Node.js experience',
      'Relational databases (PostgreSQL preferred), including schema design and query tuning',
      'Experience running services on AWS or another major cloud',
    ],
    niceToHave: [
      'Kafka or another event streaming platform',
      'Kubernetes and Terraform',
      'Retail, e-commerce or payments domain experience',
    ],
    compensation: '$150K – $185K • Offers Bonus',
  },
  {
    title: 'Product Designer',
    department: 'Design',
    team: 'Digital Experience',
    location: 'Remote (US)',
    workplaceType: 'Remote',
    employmentType: 'FullTime',
    skills: [
      'Figma',
      'user research',
      'prototyping',
      'design systems',
      'usability testing',
      'accessibility (WCAG)',
      'interaction design',
      'HTML/CSS',
    ],
    careerTitles: ['Junior Designer', 'UX Designer', 'Product Designer', 'Senior Product Designer'],
    summary:
      'Design the shopping experience of northwind.com and our mobile app, used by 3 million customers a year. You will '
      + 'work in a trio with a product manager and an engineering lead, from discovery to shipped pixels.',
    responsibilities: [
      'Run discovery: interviews, usability tests and analytics reviews with our research partner',
      'Turn findings into flows, prototypes and production-ready designs in Figma',
      'Contribute components and guidance to our design system',
      'Make accessibility a default, not an afterthought (WCAG 2.2 AA)',
    ],
    mustHave: [
      '3+ years of product or UX design for web or mobile',
      'A portfolio showing end-to-end product work',
      'Fluency in Figma and prototyping',
    ],
    niceToHave: ['E-commerce experience', 'Design systems work', 'Comfort reading analytics and running A/B tests'],
    compensation: '$115K – $140K',
  },
  {
    title: 'Retail Store Associate',
    department: 'Retail',
    team: 'Stores – Mountain Region',
    location: 'Boulder, CO',
    workplaceType: 'OnSite',
    employmentType: 'PartTime',
    skills: [
      'customer service',
      'POS systems',
      'cash handling',
      'visual merchandising',
      'inventory counts',
      'product knowledge',
      'upselling',
      'opening and closing procedures',
    ],
    careerTitles: ['Sales Associate', 'Retail Associate', 'Senior Sales Associate', 'Shift Lead'],
    summary:
      'Help customers find the right gear for their next trip in our Boulder flagship store. Flexible part-time shifts, '
      + 'including weekends, with a clear path to shift lead.',
    responsibilities: [
      'Greet and advise customers on clothing, footwear and equipment',
      'Run the POS: sales, returns, exchanges and cash handling',
      'Receive deliveries, count inventory and keep the floor merchandised',
      'Open or close the store with the shift lead',
    ],
    mustHave: [
      'Customer-facing experience in retail or hospitality',
      'Availability for weekend shifts',
      'Able to lift 30 lb',
    ],
    niceToHave: ['POS experience', 'Passion for hiking, climbing or skiing', 'Bilingual English/Spanish'],
    compensation: '$18 – $21 per hour',
  },
  {
    title: 'Account Executive, Wholesale',
    department: 'Sales',
    team: 'Wholesale',
    location: 'Portland, OR',
    workplaceType: 'Hybrid',
    employmentType: 'FullTime',
    skills: [
      'B2B sales',
      'Salesforce',
      'territory management',
      'negotiation',
      'pipeline forecasting',
      'account management',
      'trade shows',
      'quota attainment',
    ],
    careerTitles: [
      'Sales Development Representative',
      'Account Manager',
      'Account Executive',
      'Senior Account Executive',
    ],
    summary:
      'Grow Northwind in independent outdoor retailers across the Pacific Northwest. You own a territory of about 120 '
      + 'accounts and a new-business target.',
    responsibilities: [
      'Manage and grow existing specialty retail accounts',
      'Prospect and close new accounts; run the full sales cycle',
      'Forecast accurately in Salesforce and plan seasonal orders with buyers',
      'Represent Northwind at trade shows and store events',
    ],
    mustHave: ['3+ years of B2B sales with a quota', 'Track record of quota attainment', 'Salesforce or a similar CRM'],
    niceToHave: [
      'Outdoor, apparel or footwear industry',
      'Wholesale or distributor sales',
      'Existing relationships with PNW retailers',
    ],
    compensation: '$75K base • $130K OTE',
  },
  {
    title: 'Data Analyst',
    department: 'Finance',
    team: 'Analytics',
    location: 'Denver, CO',
    workplaceType: 'Hybrid',
    employmentType: 'FullTime',
    skills: [
      'SQL',
      'Python',
      'dbt',
      'Looker',
      'Excel',
      'A/B testing',
      'statistics',
      'Snowflake',
      'Tableau',
      'forecasting',
    ],
    careerTitles: ['Junior Analyst', 'Business Analyst', 'Data Analyst', 'Senior Data Analyst'],
    summary:
      'Turn sales, inventory and customer data into decisions for merchandising and store teams. You will own metrics, '
      + 'dashboards and the analyses behind our biggest seasonal bets.',
    responsibilities: [
      'Write SQL and dbt models on Snowflake that teams trust',
      'Build and maintain Looker dashboards for merchandising and stores',
      'Design and read out A/B tests for the online shop',
      'Present findings clearly to non-technical leaders',
    ],
    mustHave: [
      '2+ years in an analytics role',
      'Advanced SQL',
      'Experience with a BI tool (Looker, Tableau or similar)',
    ],
    niceToHave: ['Python for analysis', 'dbt', 'Retail or e-commerce metrics'],
    compensation: '$90K – $110K',
  },
  {
    title: 'Warehouse Shift Supervisor',
    department: 'Operations',
    team: 'Distribution Center',
    location: 'Reno, NV',
    workplaceType: 'OnSite',
    employmentType: 'FullTime',
    skills: [
      'warehouse operations',
      'WMS',
      'forklift certification',
      'OSHA safety',
      'team leadership',
      'pick and pack',
      'shipping and receiving',
      'lean / 5S',
      'scheduling',
    ],
    careerTitles: ['Warehouse Associate', 'Forklift Operator', 'Team Lead', 'Shift Supervisor'],
    summary:
      'Lead a night shift of 25 associates in our 400,000 sq ft distribution center that ships to every store and every '
      + 'online order west of the Rockies.',
    responsibilities: [
      'Run the shift: staffing, priorities, safety briefings and hand-offs',
      'Hit pick, pack and ship targets while keeping error rates low',
      'Coach and develop associates and team leads',
      'Drive safety and 5S improvements with the operations manager',
    ],
    mustHave: [
      '2+ years supervising in a warehouse or distribution center',
      'Working knowledge of a WMS',
      'OSHA safety practices',
    ],
    niceToHave: ['Forklift certification', 'Lean or 5S experience', 'Bilingual English/Spanish'],
    compensation: '$62K – $72K • Shift differential',
  },
];

export function descriptionPlain(t: JobTemplate): { opening: string; body: string; closing: string } {
  if (t.descriptionText !== undefined) return { opening: '', body: t.descriptionText, closing: '' };
  const body = [
    t.summary,
    '',
    'What you will do',
    ...t.responsibilities.map((r) => `- ${r}`),
    '',
    'What you bring',
    ...t.mustHave.map((r) => `- ${r}`),
    '',
    'Nice to have',
    ...t.niceToHave.map((r) => `- ${r}`),
    '',
    `Compensation: ${t.compensation}`,
  ].join('\n');
  return { opening: `About Northwind\n\n${ABOUT}`, body, closing: `Benefits\n\n${CLOSING}` };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function descriptionHtml(t: JobTemplate): { opening: string; body: string; closing: string } {
  const list = (items: string[]) => `<ul>${items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>`;
  if (t.descriptionText !== undefined) {
    const paragraphs = t.descriptionText.split(/\n\s*\n/).filter((p) => p.trim());
    const body = paragraphs.map((p) => `<p>${esc(p.trim()).replace(/\n/g, '<br>')}</p>`).join('');
    return { opening: '', body, closing: '' };
  }
  return {
    opening: `<h2>About Northwind</h2><p>${esc(ABOUT)}</p>`,
    body:
      `<p>${esc(t.summary)}</p><h3>What you will do</h3>${list(t.responsibilities)}`
      + `<h3>What you bring</h3>${list(t.mustHave)}<h3>Nice to have</h3>${list(t.niceToHave)}`
      + `<p><strong>Compensation:</strong> ${esc(t.compensation)}</p>`,
    closing: `<h2>Benefits</h2><p>${esc(CLOSING)}</p>`,
  };
}
