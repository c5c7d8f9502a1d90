/* global document, CSS, fetch, setTimeout */
// Highlights the evidence of a finding or field on its document page: a box on a page image, a
// sheet cell, or the text on a text page. Without script the evidence text is still on the page.
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
  const placeBox = (figure, box) => {
    const img = figure.querySelector('img');
    const overlay = figure.querySelector('.app-box');
    const apply = () => {
      const width = Number(figure.dataset.width) || img.naturalWidth;
      const height = Number(figure.dataset.height) || img.naturalHeight;
      if (!width || !height) return;
      overlay.style.left = `${(box.x / width) * 100}%`;
      overlay.style.top = `${(box.y / height) * 100}%`;
      overlay.style.width = `${(box.width / width) * 100}%`;
      overlay.style.height = `${(box.height / height) * 100}%`;
      overlay.hidden = false;
      overlay.scrollIntoView({ block: 'center' });
    };
    img.loading = 'eager';
    if (img.complete && img.naturalWidth) apply();
    else img.addEventListener('load', apply, { once: true });
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
      else figure.scrollIntoView({ block: 'start' });
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
