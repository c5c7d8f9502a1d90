import { SaxesParser, type SaxesTagNS } from 'saxes';

/** An element as the tolerant readers see it: local name, namespace URI and attributes by local name. */
export interface XmlElement {
  local: string;
  /** The namespace URI ('' when none, or when its prefix was never declared). */
  uri: string;
  /** Attribute values by local name; `attributeUris` tells which namespace each came from. */
  attributes: Record<string, string>;
  attributeUris: Record<string, string>;
}

export interface XmlHandlers {
  open?(element: XmlElement): void;
  close?(local: string, uri: string): void;
  text?(text: string): void;
}

/** Characters decoded and fed to the parser at a time, so a big part never becomes one string. */
const CHUNK_BYTES = 1024 * 1024;

/**
 * Streams an XML part through saxes with namespaces resolved: elements are matched by URI and local
 * name, never by prefix (.NET generators write `x:c`, Excel writes `c`, for the same element).
 * Well-formedness errors are counted, not thrown: a part a mainstream program opens is read as far
 * as its content goes. Returns the number of errors met. DOCTYPE and entity declarations must have
 * been refused before (saxes expands no custom entities, but the readers say why they refuse).
 */
export function streamXml(xml: Buffer, handlers: XmlHandlers): number {
  const parser = new SaxesParser({ xmlns: true, position: false });
  let errors = 0;
  parser.on('error', () => {
    errors++;
  });
  if (handlers.open) {
    const open = handlers.open;
    parser.on('opentag', (tag: SaxesTagNS) => open(toElement(tag)));
  }
  if (handlers.close) {
    const close = handlers.close;
    parser.on('closetag', (tag: SaxesTagNS) => close(tag.local ?? '', tag.uri ?? ''));
  }
  if (handlers.text) {
    const text = handlers.text;
    parser.on('text', text);
    parser.on('cdata', text);
  }
  const decoder = new TextDecoder('utf-8');
  let start = xml[0] === 0xef && xml[1] === 0xbb && xml[2] === 0xbf ? 3 : 0;
  for (; start < xml.length; start += CHUNK_BYTES) {
    parser.write(decoder.decode(xml.subarray(start, start + CHUNK_BYTES), { stream: true }));
  }
  parser.write(decoder.decode());
  parser.close();
  return errors;
}

function toElement(tag: SaxesTagNS): XmlElement {
  const attributes: Record<string, string> = {};
  const attributeUris: Record<string, string> = {};
  for (const attribute of Object.values(tag.attributes)) {
    // Namespace declarations are not data.
    if (attribute.prefix === 'xmlns' || attribute.name === 'xmlns') continue;
    attributes[attribute.local] = attribute.value;
    attributeUris[attribute.local] = attribute.uri ?? '';
  }
  return { local: tag.local ?? tag.name, uri: tag.uri ?? '', attributes, attributeUris };
}
