// The newsroom editor island: live preview, autosave with a visible "Saved" state, keyboard
// shortcuts (Ctrl/Cmd+S save, Ctrl/Cmd+Enter publish) and the browser's zone in the schedule
// select. Without it the editor is a plain form that posts.
const AUTOSAVE_MS = 4000;
const PREVIEW_DEBOUNCE_MS = 400;

export function enhanceNewsroomEditor(doc: Document): void {
  const form = doc.querySelector<HTMLFormElement>('form[data-editor]');
  if (!form) return;
  const csrf = form.querySelector<HTMLInputElement>('input[name="_csrf"]')?.value ?? '';
  const state = form.querySelector<HTMLElement>('[data-save-state]');
  const body = form.querySelector<HTMLTextAreaElement>('#body');
  const preview = form.querySelector<HTMLElement>('[data-preview]');
  const previewBody = form.querySelector<HTMLElement>('[data-preview-body]');
  const setState = (text: string) => {
    if (state) state.textContent = text;
  };

  const zoneSelect = form.querySelector<HTMLSelectElement>('[data-browser-zone]');
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (zoneSelect && zone) {
    if (![...zoneSelect.options].some((o) => o.value === zone)) zoneSelect.add(new Option(zone, zone));
    zoneSelect.value = zone;
    // A scheduled story's time was rendered in the site's default zone: show the same instant on
    // this browser's clock, so the pair (time, zone) still means the stored instant.
    const local = form.querySelector<HTMLInputElement>('#publishLocal[data-instant]');
    if (local?.dataset.instant) local.value = wallTimeIn(local.dataset.instant, zone);
  }

  const checked = () => [...form.querySelectorAll<HTMLInputElement>('input[name="entities"]:checked')].map((i) => i.value);
  let previewTimer: ReturnType<typeof setTimeout> | undefined;
  async function refreshPreview(): Promise<void> {
    if (!body || !preview || !previewBody) return;
    const res = await fetch(form!.dataset.previewUrl!, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': csrf },
      body: JSON.stringify({ headline: (form!.elements.namedItem('headline') as HTMLInputElement).value, dek: (form!.elements.namedItem('dek') as HTMLInputElement).value, body: body.value, entities: checked() }),
    });
    if (!res.ok) return;
    const data = (await res.json()) as { html: string; suggestions: { ref: string; name: string; type: string }[] };
    // Sanitized on the server by the same renderer as the public page.
    previewBody.innerHTML = data.html;
    preview.hidden = false;
    addSuggestions(data.suggestions);
  }
  function addSuggestions(list: { ref: string; name: string; type: string }[]): void {
    const box = form!.querySelector<HTMLElement>('[data-suggestions]');
    if (!box) return;
    for (const s of list) {
      if (box.querySelector(`input[value="${CSS.escape(s.ref)}"]`)) continue;
      box.querySelector('.nr-hint')?.remove();
      const label = doc.createElement('label');
      label.className = 'nr-check';
      const input = doc.createElement('input');
      input.type = 'checkbox';
      input.name = 'entities';
      input.value = s.ref;
      const small = doc.createElement('small');
      small.textContent = `(${s.type})`;
      label.append(input, ` ${s.name} `, small);
      box.append(label);
    }
  }

  // Not form.action: the submit buttons are named "action" and shadow that property.
  let saveUrl = form.getAttribute('action') ?? '';
  let dirty = false;
  let saving = false;
  async function save(action: 'autosave' | 'save' | 'publish'): Promise<void> {
    if (saving) return;
    saving = true;
    setState('Saving…');
    const data = new URLSearchParams(new FormData(form!) as unknown as Record<string, string>);
    data.set('action', action);
    try {
      const res = await fetch(saveUrl, { method: 'POST', headers: { accept: 'application/json', 'x-csrf-token': csrf }, body: data });
      const out = (await res.json()) as { id?: number; url?: string; message?: string; status?: string };
      if (!res.ok) {
        setState(`Not saved: ${out.message ?? res.status}`);
        return;
      }
      dirty = false;
      setState(action === 'publish' ? 'Published' : 'Saved');
      // A new story has an address from its first save on.
      if (out.url && saveUrl !== out.url) {
        saveUrl = out.url;
        form!.setAttribute('action', out.url);
        history.replaceState(null, '', out.url);
      }
      if (action === 'publish') location.assign(`${out.url}?saved=1`);
    } catch {
      setState('Not saved: offline?');
    } finally {
      saving = false;
    }
  }

  form.addEventListener('input', (event) => {
    dirty = true;
    setState('Unsaved changes');
    if (event.target === body || (event.target as HTMLElement).id === 'headline') {
      clearTimeout(previewTimer);
      previewTimer = setTimeout(() => void refreshPreview(), PREVIEW_DEBOUNCE_MS);
    }
  });
  form.addEventListener('change', () => {
    dirty = true;
  });
  setInterval(() => {
    if (dirty && (form.elements.namedItem('headline') as HTMLInputElement).value.trim()) void save('autosave');
  }, AUTOSAVE_MS);
  doc.addEventListener('keydown', (event) => {
    if (!(event.ctrlKey || event.metaKey)) return;
    if (event.key === 's') {
      event.preventDefault();
      void save('save');
    } else if (event.key === 'Enter' && form.querySelector('[data-shortcut="publish"]')) {
      event.preventDefault();
      void save('publish');
    }
  });
  if (body?.value) void refreshPreview();
}

/** "YYYY-MM-DDTHH:MM" of an instant on the clocks of `zone`, as a datetime-local input takes it. */
function wallTimeIn(instant: string, zone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}
