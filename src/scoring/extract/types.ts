export type UnreadableReason =
  | 'corrupt'
  | 'encrypted'
  | 'image_only'
  | 'empty'
  | 'too_large'
  | 'timeout'
  | 'unsupported';

export interface ExtractLimits {
  /** Largest input accepted, in bytes. Default 10 MB. */
  readonly maxBytes: number;
  /** Pages read from a PDF; the rest is ignored (and flagged). Default 50. */
  readonly maxPages: number;
  /** Wall-clock budget for one extraction. Default 15 s. */
  readonly timeoutMs: number;
  /** Largest uncompressed word/document.xml accepted from a DOCX (zip-bomb guard). Default 50 MB. */
  readonly maxDocxXmlBytes: number;
  /** Fewer non-space characters than this is "empty". Default 20. */
  readonly minChars: number;
}

export const DEFAULT_EXTRACT_LIMITS: ExtractLimits = {
  maxBytes: 10 * 1024 * 1024,
  maxPages: 50,
  timeoutMs: 15_000,
  maxDocxXmlBytes: 50 * 1024 * 1024,
  minChars: 20,
};

export type DocumentFormat = 'pdf' | 'docx' | 'html' | 'text';

export type HiddenTextKind = 'zero_width' | 'white_text' | 'tiny_text' | 'off_page' | 'hidden_markup';

export type ExtractResult =
  | {
    readonly ok: true;
    readonly text: string;
    readonly format: DocumentFormat;
    /** True when invisible text was found and removed (a screener-gaming signal). */
    readonly hiddenTextRemoved: boolean;
    readonly hiddenTextKinds: readonly HiddenTextKind[];
    readonly pages?: number;
    /** True when only the first `maxPages` pages were read. */
    readonly truncated?: boolean;
  }
  | {
    readonly ok: false;
    readonly reason: UnreadableReason;
    /** A sentence for a recruiter, written back to Ashby in place of a score. */
    readonly message: string;
  };

/** Thrown inside the format readers and turned into an `ok: false` result by extractText. */
export class UnreadableDocumentError extends Error {
  constructor(
    readonly reason: UnreadableReason,
    message: string,
  ) {
    super(message);
    this.name = 'UnreadableDocumentError';
  }
}
