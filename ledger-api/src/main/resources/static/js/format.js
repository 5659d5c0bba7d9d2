// Small helpers shared by the panels. Everything from the ledger is put in the page as text, never as markup.

/** Builds an element: h('td', {class: 'x'}, 'text', child, ...). Attributes set to null or false are left out. */
export function h(tag, attributes = {}, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
        if (value === null || value === undefined || value === false) {
            continue;
        }
        if (name === 'dataset') {
            Object.assign(element.dataset, value);
        } else if (name.startsWith('on')) {
            element.addEventListener(name.substring(2), value);
        } else {
            element.setAttribute(name, value === true ? '' : value);
        }
    }
    for (const child of children.flat()) {
        if (child !== null && child !== undefined && child !== false) {
            element.append(child instanceof Node ? child : String(child));
        }
    }
    return element;
}

/** A table with a caption, a header row and rows of cells (each cell a value or an element). */
export function table(caption, headings, rows, attributes = {}) {
    return h('table', attributes,
        h('caption', {}, caption),
        h('thead', {}, h('tr', {}, headings.map((heading) => h('th', {scope: 'col'}, heading)))),
        h('tbody', {}, rows.map((row) => row instanceof Node ? row
            : h('tr', {}, row.map((cell) => h('td', {}, cell))))));
}

const PRECISION = {MONTH: 'month', YEAR: 'year', APPROXIMATE: 'approximate'};

/** An effective time as the ledger gives it: a date with its precision, or an instant. */
export function effective(time) {
    if (!time) {
        return '';
    }
    if (time.instant) {
        return instant(time.instant);
    }
    const date = time.precision === 'MONTH' ? time.date.substring(0, 7)
        : time.precision === 'YEAR' ? time.date.substring(0, 4) : time.date;
    const note = PRECISION[time.precision];
    return note ? `${time.precision === 'APPROXIMATE' ? '~' : ''}${date} (${note})` : date;
}

/** An instant in UTC, to the second: the page shows what the ledger answered, not the reader's time zone. */
export function instant(value) {
    return value ? value.replace(/\.\d+Z$/, 'Z').replace('T', ' ') : '';
}

const formats = new Map();

function currencyFormat(currency) {
    if (!formats.has(currency)) {
        formats.set(currency, new Intl.NumberFormat('en', {style: 'currency', currency}));
    }
    return formats.get(currency);
}

/** How many minor units make a major one: 100 for RUB and EUR. */
export function minorPerMajor(currency) {
    return 10 ** currencyFormat(currency).resolvedOptions().maximumFractionDigits;
}

/** An amount in integer minor units, formatted in its currency. */
export function money(minor, currency) {
    return currencyFormat(currency).format(minor / minorPerMajor(currency));
}

/** Shows a panel's error message, or hides it (message null). */
export function showError(panel, message) {
    const element = panel.querySelector('.error');
    element.textContent = message ?? '';
    element.hidden = !message;
}

/** Only web links become anchors: a source url is data, and must never run script. */
export function sourceLink(source) {
    const label = [source.publisher, source.publishedOn].filter(Boolean).join(', ');
    if (source.url && /^https?:\/\//i.test(source.url)) {
        return h('a', {href: source.url, rel: 'noopener noreferrer'}, label || source.url);
    }
    return h('span', {}, label || source.url || 'unnamed source');
}
