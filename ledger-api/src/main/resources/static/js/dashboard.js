// The dashboard: a few reads of the public query API per view, driven by the controls and the page's address, so
// a view can be bookmarked, shared and moved back and forth in the browser's history.
import {apiKey, read, ReadError} from './api.js';
import {renderBoard} from './board.js';
import {renderCompliance} from './compliance.js';
import {h, showError} from './format.js';
import {noteFreshness} from './freshness.js';
import {renderPenalties} from './penalties.js';
import {renderTimeline} from './timeline.js';

const WATCH_SECONDS = 30;
const TIMELINE_PAGE = 100;
const FIELDS = ['jurisdiction', 'at', 'knownAt', 'platform', 'entity', 'from', 'to', 'subject', 'watch'];

const panels = {
    board: document.getElementById('board'),
    penalties: document.getElementById('penalties'),
    compliance: document.getElementById('compliance'),
    timeline: document.getElementById('timeline'),
};
const input = (id) => document.getElementById(id);

/** The view: what the address says, else what the controls hold. */
const view = {
    jurisdiction: 'RU', at: '', knownAt: '', platform: '', entity: '', from: '', to: '', subject: '', watch: '',
};

function readAddress() {
    const params = new URLSearchParams(window.location.search);
    for (const field of FIELDS) {
        view[field] = params.get(field) ?? (field === 'jurisdiction' ? 'RU' : '');
    }
    view.jurisdiction = view.jurisdiction.toUpperCase();
    for (const field of ['jurisdiction', 'at', 'knownAt', 'entity', 'from', 'to']) {
        input(field).value = view[field];
    }
}

function writeAddress(push) {
    const params = new URLSearchParams();
    for (const field of FIELDS) {
        if (view[field]) {
            params.set(field, view[field]);
        }
    }
    const address = `${window.location.pathname}${params.toString() ? `?${params}` : ''}`;
    if (push) {
        window.history.pushState(null, '', address);
    } else {
        window.history.replaceState(null, '', address);
    }
}

/** Runs one panel's read: marks it busy, shows the answer or the reason it failed, never a blank panel. */
async function load(panel, work) {
    panel.setAttribute('aria-busy', 'true');
    try {
        await work();
        showError(panel, null);
    } catch (failure) {
        const previous = panel.querySelector('.content').childElementCount > 0;
        showError(panel, previous ? `${failure.message} Below is still the previous answer, for the point in time`
            + ' its heading names.' : failure.message);
        if (!(failure instanceof ReadError)) {
            // a fault of the page itself, not an answer of the ledger: say it where developers look too
            console.error(failure);
        }
    } finally {
        panel.removeAttribute('aria-busy');
    }
}

const pointInTime = () => ({at: view.at, knownAt: view.knownAt});

function loadBoard() {
    return load(panels.board, async () => {
        const answer = await read('/api/v1/status', {jurisdiction: view.jurisdiction, ...pointInTime()});
        noteFreshness(answer);
        if (!view.platform && answer.platforms.length > 0) {
            view.platform = answer.platforms[0].platform;
            writeAddress(false);
        }
        renderBoard(panels.board, answer, view.platform, selectPlatform);
    });
}

function timelineSubject() {
    return view.subject === 'entity' && view.entity
        ? {path: `/api/v1/entities/${encodeURIComponent(view.entity)}/timeline`, name: view.entity}
        : {path: `/api/v1/platforms/${encodeURIComponent(view.platform)}/timeline`, name: view.platform};
}

function loadTimeline(after = null) {
    if (!view.platform && !(view.subject === 'entity' && view.entity)) {
        return Promise.resolve();
    }
    return load(panels.timeline, async () => {
        const subject = timelineSubject();
        const answer = await read(subject.path, {...pointInTime(), limit: TIMELINE_PAGE, after});
        noteFreshness(answer);
        const entities = [...new Set(answer.timeline.entries.map((entry) => entry.legalEntity).filter(Boolean))];
        input('entities').replaceChildren(...entities.map((entity) => h('option', {value: entity})));
        const entityFound = !view.entity && after === null && entities.length > 0;
        if (entityFound) {
            view.entity = entities[0];
            input('entity').value = view.entity;
            writeAddress(false);
        }
        renderTimeline(panels.timeline, answer, after !== null, (next) => loadTimeline(next));
        renderSubjectChoice();
        if (entityFound) {
            await loadPenalties();
        } else if (!view.entity) {
            panels.penalties.querySelector('.content').replaceChildren(h('p', {class: 'empty'},
                `No event names the legal entity behind ${view.platform}: enter one to see its penalties.`));
        }
    });
}

/** Lets the reader switch the timeline between the selected platform and the legal entity. */
function renderSubjectChoice() {
    const choices = [['platform', view.platform && `platform ${view.platform}`],
        ['entity', view.entity && `legal entity ${view.entity}`]].filter(([, label]) => label);
    const current = view.subject === 'entity' && view.entity ? 'entity' : 'platform';
    const fieldset = h('fieldset', {class: 'subject'}, h('legend', {}, 'Timeline of'),
        choices.map(([value, label]) => h('label', {class: 'inline'},
            h('input', {type: 'radio', name: 'subject', value, checked: value === current,
                onchange: () => {
                    view.subject = value === 'entity' ? 'entity' : '';
                    writeAddress(true);
                    loadTimeline();
                }}), ` ${label}`)));
    panels.timeline.querySelector('fieldset.subject')?.remove();
    panels.timeline.querySelector('.content').prepend(fieldset);
}

function loadCompliance() {
    if (!view.platform) {
        return Promise.resolve();
    }
    return load(panels.compliance, async () => {
        const answer = await read(`/api/v1/platforms/${encodeURIComponent(view.platform)}/compliance`,
            {jurisdiction: view.jurisdiction, from: view.from, to: view.to, ...pointInTime()});
        noteFreshness(answer);
        renderCompliance(panels.compliance, answer);
    });
}

function loadPenalties() {
    if (!view.entity) {
        return Promise.resolve();
    }
    return load(panels.penalties, async () => {
        const answer = await read(`/api/v1/entities/${encodeURIComponent(view.entity)}/penalties`, pointInTime());
        noteFreshness(answer);
        await renderPenalties(panels.penalties, view.entity, answer);
    });
}

let loading = null;

/** Loads every panel; the board first, since it picks the platform the others show when none is chosen. */
function loadAll() {
    loading = (async () => {
        await loadBoard();
        await Promise.all([loadTimeline(), loadCompliance(), view.entity ? loadPenalties() : null]);
        document.body.dataset.loaded = String(Number(document.body.dataset.loaded ?? 0) + 1);
    })().finally(() => {
        loading = null;
    });
    return loading;
}

function selectPlatform(platform) {
    view.platform = platform;
    view.subject = '';
    // The legal entity follows the platform: its timeline names the entity that runs it.
    view.entity = '';
    input('entity').value = '';
    panels.penalties.querySelector('.content').replaceChildren(
        h('p', {class: 'empty'}, `Looking for the legal entity behind ${platform}...`));
    writeAddress(true);
    loadAll();
}

function fromControls() {
    for (const field of ['jurisdiction', 'at', 'knownAt']) {
        view[field] = input(field).value.trim();
    }
    view.jurisdiction = view.jurisdiction.toUpperCase();
}

/** The browser's own check of a field's pattern, said in the page rather than in a bubble only some readers see. */
function invalidField(form) {
    const field = [...form.elements].find((element) => element.willValidate && !element.checkValidity());
    if (!field) {
        return null;
    }
    const label = form.querySelector(`label[for="${field.id}"]`)?.textContent ?? field.name;
    return `${label.trim()}: "${field.value}" is not valid (${document.getElementById(
        field.getAttribute('aria-describedby'))?.textContent.trim() ?? 'see the hint'}).`;
}

function submitted(form, panel, apply) {
    form.addEventListener('submit', (event) => {
        event.preventDefault();
        const invalid = invalidField(form);
        showError(panel, invalid);
        if (invalid) {
            return;
        }
        apply();
        writeAddress(true);
    });
}

let watch = null;

function setWatching(on) {
    input('watch').checked = on;
    view.watch = on ? '1' : '';
    window.clearInterval(watch);
    watch = null;
    if (on) {
        // Watching means the present: a fixed point in time would never change.
        for (const field of ['at', 'knownAt']) {
            view[field] = '';
            input(field).value = '';
        }
        watch = window.setInterval(() => {
            if (document.visibilityState === 'visible' && !loading) {
                loadAll();
            }
        }, WATCH_SECONDS * 1000);
    }
}

function showKeyState() {
    input('key-state').textContent = apiKey.get() ? 'A key is in use.' : 'No key: reads are anonymous.';
}

function start() {
    input('watch-seconds').textContent = String(WATCH_SECONDS);
    readAddress();
    if (view.watch) {
        setWatching(true);
    }
    showKeyState();
    submitted(input('controls'), panels.board, () => {
        fromControls();
        if (view.at || view.knownAt) {
            setWatching(false);
        }
        loadAll();
    });
    submitted(input('entity-form'), panels.penalties, () => {
        view.entity = input('entity').value.trim();
        loadPenalties();
        if (view.subject === 'entity') {
            loadTimeline();
        }
    });
    submitted(input('period-form'), panels.compliance, () => {
        view.from = input('from').value.trim();
        view.to = input('to').value.trim();
        loadCompliance();
    });
    input('now').addEventListener('click', () => {
        input('at').value = '';
        input('knownAt').value = '';
        input('controls').requestSubmit();
    });
    input('watch').addEventListener('change', (event) => {
        setWatching(event.target.checked);
        writeAddress(true);
        loadAll();
    });
    input('key-form').addEventListener('submit', (event) => {
        event.preventDefault();
        const key = input('api-key').value.trim();
        if (key) {
            apiKey.set(key);
        } else {
            apiKey.clear();
        }
        input('api-key').value = '';
        showKeyState();
        loadAll();
    });
    input('forget-key').addEventListener('click', () => {
        apiKey.clear();
        showKeyState();
        loadAll();
    });
    window.addEventListener('popstate', () => {
        readAddress();
        setWatching(Boolean(view.watch));
        loadAll();
    });
    loadAll();
}

start();
