// Editorial linter in the editor: a <textarea data-lint> gets a live list of findings below it
// (POST /api/v1/lint, debounced), each with a "Fix" button that applies the suggestion in place.
// Without JavaScript the textarea is a plain textarea and the story saves as before.
//
// Attributes on the textarea:
//   data-lint                   turns it on
//   data-lint-endpoint="/api/…" where to post (default /api/v1/lint)
//   data-lint-delay-ms="400"    pause after typing before linting
// The list is a <ul class="lint-findings" data-lint-findings> inserted right after the textarea;
// the textarea gets data-lint-errors="<n>" so a publish button can ask for confirmation.

interface LintFinding {
  ruleId: string;
  severity: 'error' | 'warning' | 'info';
  line: number;
  column: number;
  offset: number;
  length: number;
  text: string;
  message: string;
  suggestion?: string;
}

export function enhanceLintUnderlines(root: ParentNode): void {
  for (const textarea of root.querySelectorAll<HTMLTextAreaElement>('textarea[data-lint]')) {
    if (textarea.dataset.lintReady) continue;
    textarea.dataset.lintReady = '1';
    attach(textarea);
  }
}

function attach(textarea: HTMLTextAreaElement): void {
  const endpoint = textarea.dataset.lintEndpoint || '/api/v1/lint';
  const delayMs = Number(textarea.dataset.lintDelayMs) || 400;
  const list = document.createElement('ul');
  list.className = 'lint-findings';
  list.dataset.lintFindings = '';
  list.setAttribute('aria-live', 'polite');
  textarea.insertAdjacentElement('afterend', list);
  guardPublishing(textarea);
  const underline = attachBackdrop(textarea);

  let timer: ReturnType<typeof setTimeout> | undefined;
  let controller: AbortController | undefined;
  const run = async () => {
    controller?.abort();
    controller = new AbortController();
    const text = textarea.value;
    try {
      const res = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }), signal: controller.signal });
      if (!res.ok) return;
      const { findings } = (await res.json()) as { findings: LintFinding[] };
      // The text changed while the request was out: the offsets no longer fit; the next run will.
      if (textarea.value === text) render(findings);
    } catch {
      // Offline or aborted: keep the last list; linting is help, not a gate.
    }
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(run, delayMs);
  };

  function render(findings: LintFinding[]): void {
    textarea.dataset.lintErrors = String(findings.filter((f) => f.severity === 'error').length);
    underline(findings);
    list.replaceChildren(
      ...findings.map((f) => {
        const li = document.createElement('li');
        li.className = `lint-finding lint-${f.severity}`;
        const where = document.createElement('span');
        where.className = 'lint-where';
        where.textContent = `${f.line}:${f.column}`;
        // Jumping to the place: select the text the finding is about.
        where.addEventListener('click', () => {
          textarea.focus();
          textarea.setSelectionRange(f.offset, f.offset + f.length);
        });
        const message = document.createElement('span');
        message.className = 'lint-message';
        message.textContent = ` ${f.message} `;
        li.append(where, message);
        if (f.suggestion !== undefined) {
          const fix = document.createElement('button');
          fix.type = 'button';
          fix.className = 'lint-fix';
          fix.textContent = f.suggestion === '' ? `Fix: delete “${f.text}”` : `Fix: ${f.suggestion}`;
          fix.addEventListener('click', () => applyFix(f));
          li.append(fix);
        }
        return li;
      }),
    );
  }

  function applyFix(f: LintFinding): void {
    const value = textarea.value;
    if (value.slice(f.offset, f.offset + f.length) !== f.text) return schedule();
    textarea.value = value.slice(0, f.offset) + f.suggestion + value.slice(f.offset + f.length);
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
    textarea.focus();
    const caret = f.offset + (f.suggestion ?? '').length;
    textarea.setSelectionRange(caret, caret);
  }

  textarea.addEventListener('input', schedule);
  void run();
}

/**
 * Publishing a story with open linter errors asks first. Confirming ticks the form's
 * "Publish even with linter errors" box, which the server requires for such a story anyway.
 */
function guardPublishing(textarea: HTMLTextAreaElement): void {
  const form = textarea.form;
  if (!form) return;
  form.addEventListener('submit', (event) => {
    const action = (event.submitter as HTMLButtonElement | null)?.value;
    if (action !== 'publish' && action !== 'schedule') return;
    const errors = Number(textarea.dataset.lintErrors ?? 0);
    const box = form.querySelector<HTMLInputElement>('input[data-lint-confirm]');
    if (errors === 0 || box?.checked) return;
    const verb = action === 'publish' ? 'Publish' : 'Schedule';
    if (window.confirm(`The linter found ${errors} error${errors === 1 ? '' : 's'} in this story. ${verb} anyway?`)) {
      if (box) box.checked = true;
    } else {
      event.preventDefault();
    }
  });
}

// Styles the backdrop copies from the textarea, so its text lies exactly under the typed text.
const MIRRORED = ['fontFamily', 'fontSize', 'fontWeight', 'lineHeight', 'letterSpacing', 'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft', 'borderTopWidth', 'borderRightWidth', 'borderBottomWidth', 'borderLeftWidth', 'boxSizing', 'tabSize'] as const;

/**
 * Underlines in a plain textarea: a backdrop element behind it repeats the text invisibly, with
 * each finding wrapped in a <mark> drawn as a wavy underline, and follows the textarea's size
 * and scrolling. The textarea itself stays a plain, accessible form field.
 */
function attachBackdrop(textarea: HTMLTextAreaElement): (findings: LintFinding[]) => void {
  const wrap = document.createElement('div');
  wrap.className = 'lint-wrap';
  textarea.insertAdjacentElement('beforebegin', wrap);
  const backdrop = document.createElement('div');
  backdrop.className = 'lint-backdrop';
  backdrop.setAttribute('aria-hidden', 'true');
  wrap.append(backdrop, textarea);
  const style = getComputedStyle(textarea);
  for (const key of MIRRORED) backdrop.style[key] = style[key];
  const fit = () => {
    backdrop.style.width = `${textarea.offsetWidth}px`;
    backdrop.style.height = `${textarea.offsetHeight}px`;
    backdrop.scrollTop = textarea.scrollTop;
  };
  new ResizeObserver(fit).observe(textarea);
  textarea.addEventListener('scroll', () => {
    backdrop.scrollTop = textarea.scrollTop;
  });
  let last: LintFinding[] = [];
  const draw = () => {
    const text = textarea.value;
    const nodes: Node[] = [];
    let at = 0;
    for (const f of [...last].sort((a, b) => a.offset - b.offset)) {
      if (f.offset < at || text.slice(f.offset, f.offset + f.length) !== f.text) continue;
      nodes.push(document.createTextNode(text.slice(at, f.offset)));
      const mark = document.createElement('mark');
      mark.className = `lint-mark lint-${f.severity}`;
      mark.textContent = f.text;
      nodes.push(mark);
      at = f.offset + f.length;
    }
    // A trailing newline needs a character after it, or the last line of the backdrop collapses.
    nodes.push(document.createTextNode(`${text.slice(at)}\u200b`));
    backdrop.replaceChildren(...nodes);
    fit();
  };
  // Typing moves text under old marks until the next lint: drop marks that no longer fit.
  textarea.addEventListener('input', draw);
  return (findings) => {
    last = findings;
    draw();
  };
}
