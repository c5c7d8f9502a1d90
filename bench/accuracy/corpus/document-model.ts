/** Documents described as data; render-pdf.ts and render-xlsx.ts turn them into bytes. */

export type Block =
  | { t: 'letterhead'; name: string; lines: string[] }
  /** `aside`: a short text set right-aligned on the title's first line (a portal's "Innsendt: …"). */
  | { t: 'title'; text: string; aside?: string }
  | { t: 'subtitle'; text: string }
  | { t: 'heading'; text: string }
  | { t: 'para'; text: string }
  /** `style` overrides the document's field style for this block. */
  | { t: 'fields'; rows: [string, string][]; style?: FieldStyle }
  /** `widths`: column widths as fractions of the text width (else the first column is wide). */
  | {
      t: 'table';
      header: string[];
      rows: string[][];
      total?: string[];
      numeric: boolean[];
      widths?: number[];
    }
  /** A form of boxes with the label on top and the value beneath, several boxes to a row. */
  | { t: 'formgrid'; rows: { label: string; value: string }[][] }
  | { t: 'right'; lines: string[] }
  | { t: 'lines'; lines: string[] }
  | { t: 'small'; text: string }
  | { t: 'gap' }
  | { t: 'rule' }
  | { t: 'pagebreak' };

export type FieldStyle = 'colon' | 'tab' | 'stacked' | 'grid';

export interface PdfStyle {
  font: 'dejavu-sans' | 'dejavu-serif' | 'helvetica' | 'times';
  size: number;
  margin: number;
  fields: FieldStyle;
  labelWidth: number;
}

export interface PdfModel {
  type: 'pdf';
  name: string;
  template: string;
  title: string;
  /** Fixed creation date so the bytes are the same for the same seed. */
  created: string;
  style: PdfStyle;
  blocks: Block[];
}

export type CellValue = string | number | Date | { formula: string; result: number } | null;

export interface CellStyle {
  bold?: boolean;
  numFmt?: string;
}

export interface SheetModel {
  name: string;
  /** Rows from row 1; each cell a value or [value, style]. */
  rows: (CellValue | [CellValue, CellStyle])[][];
  widths: number[];
  merges?: string[];
}

export interface XlsxModel {
  type: 'xlsx';
  name: string;
  template: string;
  created: string;
  sheets: SheetModel[];
}

export type DocModel = PdfModel | XlsxModel;
