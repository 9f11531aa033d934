import { Parser } from 'htmlparser2';

const EXECUTABLE_ELEMENTS = new Set(['script', 'iframe', 'object', 'embed', 'svg', 'math', 'style', 'link', 'meta', 'base', 'form', 'input', 'button', 'textarea', 'frame', 'frameset', 'applet', 'template', 'noscript']);
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'background', 'srcset']);

/**
 * What in an HTML fragment a browser could execute: elements that run or load code, event-handler
 * attributes, and script URLs. Parsed as a browser tokenizer would, so escaped text never counts.
 */
export function executableParts(html: string, allowedElements: string[] = []): string[] {
  const found: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (EXECUTABLE_ELEMENTS.has(name) && !allowedElements.includes(name)) found.push(`<${name}>`);
        for (const [attr, value] of Object.entries(attribs)) {
          if (attr.startsWith('on')) found.push(`${name}[${attr}]`);
          if (URL_ATTRIBUTES.has(attr) && /^\s*(javascript|vbscript|data)\s*:/i.test(value.replace(/[\u0000-\u001f]/g, ''))) found.push(`${name}[${attr}=${value.slice(0, 30)}]`);
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return found;
}
