// Comment form island (src/comments/): posts in place through the JSON API, shows errors per
// field, inserts the new comment into the thread and moves the form under "Reply" links.
// Without JavaScript (or when anything is missing) the server-rendered form posts as usual.

type Fields = 'comment' | 'author' | 'email' | 'url';
const COOKIE = 'onset_commenter';

function readSaved(): { n?: string; e?: string; u?: string } | undefined {
  const raw = document.cookie.split('; ').find((c) => c.startsWith(`${COOKIE}=`));
  if (!raw) return undefined;
  try {
    return JSON.parse(decodeURIComponent(raw.slice(COOKIE.length + 1))) as { n?: string; e?: string; u?: string };
  } catch {
    return undefined;
  }
}

export function enhanceComments(root: Document): void {
  const form = root.querySelector<HTMLFormElement>('form[data-comment-form]');
  const api = form?.dataset.api;
  if (!form || !api) return;
  const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement | null;
  const message = form.querySelector<HTMLElement>('[data-form-message]');
  const title = root.getElementById('reply-title');
  const cancel = root.querySelector<HTMLElement>('[data-cancel-reply]');
  const respond = root.getElementById('respond');
  const parentField = field('parent');

  // The email of "Save my name..." lives only in the reader's cookie; the server never writes it into HTML.
  const saved = readSaved();
  const email = field('email');
  if (saved?.e && email && !email.value) email.value = saved.e;

  // Reply links move the form under the comment instead of reloading the page.
  const homeOfForm = respond?.parentElement;
  const homeNext = respond?.nextSibling ?? null;
  const setReply = (id: string, name: string, anchor: Element | null) => {
    if (!respond || !parentField || !title) return;
    parentField.value = id;
    title.firstChild!.textContent = id === '0' ? 'Leave a Reply ' : `Leave a Reply to ${name} `;
    if (cancel) cancel.hidden = id === '0';
    if (anchor) anchor.after(respond);
    else homeOfForm?.insertBefore(respond, homeNext);
    field('comment')?.focus();
  };
  root.addEventListener('click', (event) => {
    // The comment's id and author come from its markup (li#comment-N, .comment-author).
    const link = (event.target as Element).closest?.<HTMLAnchorElement>('a.comment-reply');
    const item = link?.closest('li.comment');
    const id = item && /^comment-(\d+)$/.exec(item.id)?.[1];
    if (link && item && id) {
      event.preventDefault();
      const card = link.closest('.comment-card');
      setReply(id, card?.querySelector('.comment-author')?.textContent?.trim() ?? '', card);
      return;
    }
    if ((event.target as Element).closest?.('[data-cancel-reply] a')) {
      event.preventDefault();
      setReply('0', '', null);
    }
  });

  const showErrors = (errors: Partial<Record<Fields, string>>) => {
    for (const name of ['comment', 'author', 'email', 'url'] as Fields[]) {
      const input = field(name);
      const slot = form.querySelector<HTMLElement>(`[data-error-for="${name}"]`);
      const text = errors[name] ?? '';
      if (slot) {
        slot.textContent = text;
        if (text) slot.setAttribute('role', 'alert');
        else slot.removeAttribute('role');
      }
      input?.parentElement?.classList.toggle('has-error', !!text);
      if (input) {
        if (text) input.setAttribute('aria-invalid', 'true');
        else input.removeAttribute('aria-invalid');
      }
    }
    const first = (['comment', 'author', 'email', 'url'] as Fields[]).find((n) => errors[n]);
    if (first) field(first)?.focus();
  };
  const say = (text: string) => {
    if (!message) return;
    message.textContent = text;
    message.hidden = !text;
    if (text) message.setAttribute('role', 'alert');
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
    const remember = (field('remember') as HTMLInputElement | null)?.checked ?? false;
    const parent = Number(parentField?.value ?? '0');
    const payload = {
      body: field('comment')?.value ?? '',
      authorName: field('author')?.value ?? '',
      authorEmail: field('email')?.value ?? '',
      authorUrl: field('url')?.value ?? '',
      parentId: parent > 0 ? parent : null,
      formToken: field('ts')?.value ?? '',
      phone_number: field('phone_number')?.value ?? '',
    };
    if (button) button.disabled = true;
    try {
      const res = await fetch(api, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(payload), credentials: 'same-origin' });
      const data = (await res.json()) as { message?: string; fieldErrors?: Partial<Record<Fields, string>>; id?: number; html?: string; anchor?: string };
      if (!res.ok) {
        showErrors(data.fieldErrors ?? {});
        say(data.message ?? 'Your comment could not be posted. Please try again.');
        return;
      }
      showErrors({});
      if (remember) document.cookie = `${COOKIE}=${encodeURIComponent(JSON.stringify({ n: payload.authorName, e: payload.authorEmail, u: payload.authorUrl }))}; path=/; max-age=31536000; samesite=lax`;
      else document.cookie = `${COOKIE}=; path=/; max-age=0`;
      if (data.html) {
        const holder = document.createElement('ol');
        holder.innerHTML = data.html; // Rendered by the server from escaped parts (src/comments/views).
        const item = holder.firstElementChild as HTMLElement | null;
        if (item) {
          item.classList.add('is-new');
          const parentLi = parent > 0 ? root.getElementById(`comment-${parent}`) : null;
          let list: Element | null = parentLi ? parentLi.querySelector(':scope > ol.children') : root.querySelector('[data-comment-list]');
          if (parentLi && !list) {
            list = document.createElement('ol');
            list.className = 'children';
            parentLi.append(list);
          }
          list?.append(item);
          item.scrollIntoView({ block: 'center' });
        }
      }
      say(data.message ?? '');
      const text = field('comment');
      if (text) text.value = '';
      setReply('0', '', null);
      say(data.message ?? '');
    } catch {
      // Network trouble: fall back to the plain form post.
      form.submit();
    } finally {
      if (button) button.disabled = false;
    }
  });
}
