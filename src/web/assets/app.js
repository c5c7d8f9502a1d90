/* global document, CSS, fetch, setTimeout, URL, HTMLImageElement */
// The document viewer: evidence highlighted on its page (a box on a page image, a sheet cell, or
// the text on a text page), a jump to a page, and page images that failed because the renderer was
// busy asked for again. Page images load as they come near (loading=lazy); a page shown on purpose
// loads at once. Without script the images still load and the evidence text is still on the page.
(() => {
  const clear = () => {
    for (const el of document.querySelectorAll('.app-highlight')) el.classList.remove('app-highlight');
    for (const box of document.querySelectorAll('.app-box')) box.hidden = true;
    for (const mark of document.querySelectorAll('.app-text-page mark')) mark.replaceWith(mark.textContent);
  };
  const announce = (text) => {
    const status = document.getElementById('highlight-status');
    if (status) status.textContent = text;
  };
  const load = (figure) => {
    const img = figure.querySelector('img');
    if (img) img.loading = 'eager';
    return img;
  };
  const placeBox = (figure, box) => {
    const img = load(figure);
    const overlay = figure.querySelector('.app-box');
    const apply = () => {
      const width = Number(figure.dataset.width) || img.naturalWidth;
      const height = Number(figure.dataset.height) || img.naturalHeight;
      if (!width || !height) return false;
      overlay.style.left = `${(box.x / width) * 100}%`;
      overlay.style.top = `${(box.y / height) * 100}%`;
      overlay.style.width = `${(box.width / width) * 100}%`;
      overlay.style.height = `${(box.height / height) * 100}%`;
      overlay.hidden = false;
      overlay.scrollIntoView({ block: 'center' });
      return true;
    };
    // The page's placeholder has its final size: the box goes on at once when the page's size is
    // known, and is placed again once the image is there (its own size, for image files).
    figure.scrollIntoView({ block: 'center' });
    const placed = apply();
    if (!(img.complete && img.naturalWidth))
      img.addEventListener('load', () => (placed ? overlay.scrollIntoView({ block: 'center' }) : apply()), {
        once: true,
      });
  };
  const show = (target) => {
    clear();
    if (target.cell) {
      const sheet = [...document.querySelectorAll(`.app-sheet[data-doc="${target.doc}"]`)].find(
        (s) => !target.sheet || s.dataset.sheet === target.sheet,
      );
      const cell = sheet && sheet.querySelector(`td[data-cell="${CSS.escape(target.cell)}"]`);
      if (cell) {
        cell.classList.add('app-highlight');
        cell.scrollIntoView({ block: 'center' });
        announce(`Markert celle ${target.cell}${target.sheet ? ` i arket ${target.sheet}` : ''}.`);
        return;
      }
    }
    const page = target.page ?? 1;
    const figure = document.querySelector(`.app-page[data-doc="${target.doc}"][data-page="${page}"]`);
    if (figure) {
      figure.classList.add('app-highlight');
      if (target.box) placeBox(figure, target.box);
      else {
        load(figure);
        figure.scrollIntoView({ block: 'start' });
      }
      announce(`Markert på side ${page}${target.box ? '' : ' (nøyaktig plassering ukjent)'}.`);
      return;
    }
    const textPage = document.querySelector(`.app-text-page[data-doc="${target.doc}"][data-page="${page}"]`);
    if (textPage) {
      textPage.classList.add('app-highlight');
      const pre = textPage.querySelector('pre');
      const at = pre.textContent.indexOf(target.text);
      if (at >= 0) {
        const node = pre.firstChild;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + target.text.length);
        range.surroundContents(document.createElement('mark'));
      }
      textPage.scrollIntoView({ block: 'start' });
      announce(`Markert på side ${page}.`);
    }
  };
  document.addEventListener('click', (event) => {
    const button = event.target.closest('[data-evidence]');
    if (!button) return;
    for (const b of document.querySelectorAll('[data-evidence][aria-pressed]'))
      b.removeAttribute('aria-pressed');
    button.setAttribute('aria-pressed', 'true');
    show(JSON.parse(button.dataset.evidence));
  });

  // Jump to a page: the page is scrolled to the top of the document area, loaded and focused.
  const jump = document.querySelector('[data-page-jump]');
  if (jump) {
    const pageField = jump.querySelector('[name="page"]');
    const docField = jump.querySelector('[name="doc"]');
    const limit = () => {
      const option = docField.selectedOptions ? docField.selectedOptions[0] : null;
      if (option) pageField.max = option.dataset.pages;
    };
    docField.addEventListener('change', limit);
    jump.addEventListener('submit', (event) => {
      event.preventDefault();
      const target = document.getElementById(`doc-${docField.value}-side-${Number(pageField.value)}`);
      if (!target) return;
      if (target.classList.contains('app-page')) load(target);
      target.scrollIntoView({ block: 'start' });
      target.focus({ preventScroll: true });
      announce(`Viser side ${pageField.value}.`);
    });
    jump.hidden = false;
  }

  // A page the renderer was too busy for (503) is asked for again a few times, a little later.
  document.addEventListener(
    'error',
    (event) => {
      const img = event.target;
      if (!(img instanceof HTMLImageElement) || !img.closest('.app-page')) return;
      const tries = Number(img.dataset.tries || 0);
      if (tries >= 4) return;
      img.dataset.tries = String(tries + 1);
      setTimeout(
        () => {
          const url = new URL(img.src);
          url.searchParams.set('forsok', String(tries + 1));
          img.src = url.href;
        },
        1500 * (tries + 1),
      );
    },
    true,
  );
})();

// Upload: files dragged onto the file field go into it (the field itself works without script), and
// the chosen files are listed.
(() => {
  const zone = document.querySelector('[data-dropzone]');
  if (!zone) return;
  const input = zone.querySelector('input[type="file"]');
  const list = document.getElementById('up-file-list');
  const showFiles = () => {
    list.replaceChildren(
      ...[...input.files].map((file) => {
        const item = document.createElement('li');
        item.textContent = `${file.name} (${Math.max(1, Math.round(file.size / 1024))} kB)`;
        return item;
      }),
    );
  };
  input.addEventListener('change', showFiles);
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.classList.add('app-dragover');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('app-dragover'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('app-dragover');
    if (event.dataTransfer.files.length > 0) {
      input.files = event.dataTransfer.files;
      showFiles();
    }
  });
})();

// An upload's progress: polls the batch until nothing is pending, updating the page in place.
(() => {
  const section = document.querySelector('[data-batch]');
  if (!section || section.dataset.finished === 'true') return;
  const render = (batch) => {
    document.getElementById('batch-status').textContent = batch.statusText;
    const bar = document.getElementById('batch-progress');
    bar.max = Math.max(batch.total, 1);
    bar.value = batch.done + batch.failed;
    document.getElementById('batch-list').replaceChildren(
      ...batch.submissions.map((s) => {
        const item = document.createElement('li');
        const name = document.createElement(s.state === 'done' ? 'a' : 'span');
        name.textContent = s.state === 'done' ? (s.applicant ?? s.source) : s.source;
        if (s.state === 'done') {
          name.className = 'ds-link';
          name.href = `/submissions/${encodeURIComponent(s.id)}`;
        }
        const label = document.createElement('span');
        label.textContent = s.label;
        item.append(name, ' – ', label);
        return item;
      }),
    );
  };
  const poll = async () => {
    try {
      const response = await fetch(`/api/batches/${encodeURIComponent(section.dataset.batch)}`, {
        headers: { accept: 'application/json' },
      });
      if (response.ok) {
        const batch = await response.json();
        render(batch);
        if (batch.pending === 0) {
          section.dataset.finished = 'true';
          return;
        }
      }
    } catch {
      // the server is restarting or the network is away: try again
    }
    setTimeout(poll, 1500);
  };
  setTimeout(poll, 1000);
})();
