// The demo storefront: what a real storefront does with this backend, and nothing more.
// It never computes or sends an amount: checkout prices the order, verify confirms it.
'use strict';

const demo = (() => {
  const query = new URLSearchParams(location.search);
  const local = window.DEMO_CONFIG || {};
  // ?api=&iamport= point the page at a deployed stack; kept for the tab so the result page agrees
  for (const key of ['api', 'iamport']) {
    if (query.has(key)) sessionStorage.setItem('demo.' + key, query.get(key));
  }
  const apiBase = (sessionStorage.getItem('demo.api') || local.apiBase || '').replace(/\/$/, '');
  const iamportScript = sessionStorage.getItem('demo.iamport') || local.iamportScript || 'https://cdn.iamport.kr/v1/iamport.js';
  const localTokens = !sessionStorage.getItem('demo.api') && local.localTokens === true;
  // SigV4's region: a deployed API's host names it (<id>.execute-api.<region>.amazonaws.com)
  const deployedRegion = /\.execute-api\.([a-z0-9-]+)\.amazonaws\.com/.exec(apiBase);
  const region = deployedRegion ? deployedRegion[1] : (local.region || 'ap-northeast-2');
  return { apiBase, iamportScript, localTokens, region, catalog: { products: [], plans: [] }, pgs: [] };
})();

const $ = (selector) => document.querySelector(selector);

function uuid() {
  if (crypto.randomUUID) return crypto.randomUUID();
  return 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (c) => {
    const r = crypto.getRandomValues(new Uint8Array(1))[0] & 15;
    return (c === 'x' ? r : (r & 3) | 8).toString(16);
  });
}

function text(tag, value, attributes = {}) {
  const element = document.createElement(tag);
  element.textContent = value == null ? '' : String(value);
  for (const [name, attribute] of Object.entries(attributes)) element.setAttribute(name, attribute);
  return element;
}

function won(amount) {
  return Number(amount).toLocaleString('ko-KR') + '원';
}

// ── AWS Signature Version 4, for the IAM-signed admin routes (what curl --aws-sigv4 does) ──

function rfc3986(value) {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

function hex(buffer) {
  return [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

async function sha256Hex(value) {
  return hex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(value)));
}

async function hmac(key, value) {
  const imported = await crypto.subtle.importKey('raw', typeof key === 'string' ? new TextEncoder().encode(key) : key,
    { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await crypto.subtle.sign('HMAC', imported, new TextEncoder().encode(value)));
}

/**
 * The headers that sign one request (authorization, x-amz-date, x-amz-security-token with temporary credentials),
 * signing host and x-amz-date: the path double-encoded and the query sorted, as for every service but S3.
 * amzDate (yyyyMMddTHHmmssZ) is now unless given (the browser test pins it to check known signatures).
 */
async function signV4({ method, url, body = '', accessKeyId, secretAccessKey, sessionToken = '', region, service = 'execute-api', amzDate }) {
  const target = new URL(url, location.href);
  const time = amzDate || new Date().toISOString().replace(/[-:]|\.\d{3}/g, '');
  const day = time.slice(0, 8);
  const headers = { host: target.host, 'x-amz-date': time };
  if (sessionToken) headers['x-amz-security-token'] = sessionToken;
  const names = Object.keys(headers).sort();
  const canonicalPath = target.pathname.split('/').map((segment) => rfc3986(rfc3986(decodeURIComponent(segment)))).join('/');
  const canonicalQuery = [...target.searchParams].map(([k, v]) => [rfc3986(k), rfc3986(v)])
    .sort(([k1, v1], [k2, v2]) => (k1 < k2 ? -1 : k1 > k2 ? 1 : v1 < v2 ? -1 : v1 > v2 ? 1 : 0))
    .map(([k, v]) => k + '=' + v).join('&');
  const canonicalRequest = [method, canonicalPath || '/', canonicalQuery,
    names.map((name) => name + ':' + String(headers[name]).trim() + '\n').join(''), names.join(';'), await sha256Hex(body)].join('\n');
  const scope = [day, region, service, 'aws4_request'].join('/');
  const toSign = ['AWS4-HMAC-SHA256', time, scope, await sha256Hex(canonicalRequest)].join('\n');
  let key = await hmac('AWS4' + secretAccessKey, day);
  for (const part of [region, service, 'aws4_request']) key = await hmac(key, part);
  const signature = hex(await hmac(key, toSign));
  const signed = { authorization: `AWS4-HMAC-SHA256 Credential=${accessKeyId}/${scope}, SignedHeaders=${names.join(';')}, Signature=${signature}`,
    'x-amz-date': time };
  if (sessionToken) signed['x-amz-security-token'] = sessionToken;
  return signed;
}

function adminCredentials() {
  return { accessKeyId: $('#admin-key-id').value.trim(), secretAccessKey: $('#admin-secret').value,
    sessionToken: $('#admin-session-token').value.trim() };
}

/**
 * fetch against the API; resolves the parsed body, and throws the API's error message for 4xx/5xx.
 * path may name {params} (filled in, URI-encoded); iam signs the request with the admin view's credentials.
 */
async function api(method, path, body, { auth = false, idempotent = false, idempotencyKey = null, iam = false, params = {} } = {}) {
  const headers = {};
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const url = demo.apiBase + path.replace(/\{(\w+)\}/g, (_, name) => encodeURIComponent(params[name]));
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (auth) headers.authorization = 'Bearer ' + (sessionStorage.getItem('demo.token') || '');
  if (idempotent || idempotencyKey) headers['idempotency-key'] = idempotencyKey || uuid();
  if (iam) Object.assign(headers, await signV4({ method, url, body: payload || '', region: demo.region, ...adminCredentials() }));
  const response = await fetch(url, { method, headers, body: payload });
  const raw = await response.text();
  let parsed = null;
  try { parsed = raw ? JSON.parse(raw) : null; } catch (e) { parsed = { raw }; }
  if (!response.ok) {
    const error = parsed && parsed.error ? parsed.error : { code: 'http_' + response.status, message: (parsed && parsed.message) || raw };
    const failure = new Error(error.code + ': ' + error.message);
    failure.status = response.status;
    failure.body = parsed;
    throw failure;
  }
  return parsed;
}

function banner(message) {
  const element = $('#banner');
  if (!element) return;
  element.hidden = !message;
  element.textContent = message || '';
}

let scriptLoading = null;
function loadIamport() {
  if (window.IMP) return Promise.resolve(window.IMP);
  if (!scriptLoading) {
    scriptLoading = new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = demo.iamportScript;
      script.onload = () => (window.IMP ? resolve(window.IMP) : reject(new Error('the i\'mport script defined no IMP')));
      script.onerror = () => reject(new Error('cannot load ' + demo.iamportScript));
      document.head.appendChild(script);
    });
  }
  return scriptLoading;
}

/** What the storefront shows is verify's answer, never the window's rsp (which a buyer can fake). */
function showResult(view, hint) {
  const result = $('#result');
  result.dataset.status = view.status;
  result.dataset.merchantUid = view.merchant_uid || '';
  result.replaceChildren();
  result.append(text('strong', view.status, { id: 'result-status' }), ' ');
  if (view.merchant_uid) result.append(text('code', view.merchant_uid, { id: 'result-merchant-uid' }), ' ');
  if (view.amount != null) result.append(text('span', won(view.amount), { id: 'result-amount' }), ' ');
  if (view.virtual_account) {
    const va = view.virtual_account;
    result.append(text('div', `입금 계좌: ${va.bank_name || ''} ${va.number} (${va.holder || ''}), 기한 ${va.due_at || ''}`,
      { id: 'result-vbank' }));
  }
  if (view.customer_uid) result.append(text('div', 'billing key ' + view.customer_uid, { id: 'result-customer-uid' }));
  if (view.fail_reason) result.append(text('div', view.fail_reason, { id: 'result-reason' }));
  if (hint) result.append(text('div', hint, { class: 'muted', id: 'result-hint' }));
}

function showError(error) {
  const result = $('#result');
  result.dataset.status = 'error';
  result.replaceChildren(text('strong', 'error', { id: 'result-status' }), ' ', text('span', error.message, { id: 'result-error' }));
}

async function confirmPayment(rsp) {
  const body = { merchant_uid: rsp.merchant_uid };
  if (rsp.imp_uid) body.imp_uid = rsp.imp_uid;
  const view = await api('POST', '/payments/confirm', body);
  showResult(view, rsp.error_msg || null); // toss's rsp carries no success flag: error_msg is the hint
  return view;
}

/** IMP.init + IMP.request_pay with checkout's params; PC resolves with the callback's rsp, mobile navigates away. */
async function openWindow(checkout, device) {
  const IMP = await loadIamport();
  window.IMP_SANDBOX_DEVICE = device; // honoured by the local sandbox's stand-in; the real SDK decides by user agent
  IMP.init(checkout.imp_code);
  return new Promise((resolve) => IMP.request_pay(checkout.params, resolve));
}

function showParams(checkout) {
  const pre = $('#checkout-params');
  pre.hidden = false;
  pre.textContent = 'IMP.init(' + JSON.stringify(checkout.imp_code) + ');\nIMP.request_pay(' + JSON.stringify(checkout.params, null, 2) + ', callback);';
}

// ── one-time order ─────────────────────────────────────────────────────────────

function selectedPg() {
  return demo.pgs.find((pg) => pg.pg === $('#pg').value);
}

function fillPayMethods() {
  const pg = selectedPg();
  const select = $('#pay-method');
  select.replaceChildren();
  if (!pg) return;
  if (pg.pay_method_ignored) select.append(text('option', '(chosen in the app)', { value: '' }));
  for (const method of pg.pay_methods) select.append(text('option', method, { value: method }));
  const notes = [];
  if (pg.notice) notes.push(pg.notice);
  if (pg.always_redirects) notes.push('result by redirect only (m_redirect_url), on every device');
  if (pg.buyer_tel_required) notes.push('buyer tel required');
  $('#pg-notes').textContent = notes.join(' · ');
}

async function pay() {
  const items = [...document.querySelectorAll('#products input[data-sku]')]
    .map((input) => ({ sku: input.dataset.sku, quantity: Number(input.value) }))
    .filter((item) => item.quantity > 0);
  const device = $('#device').value;
  const body = {
    items, pg: $('#pg').value, device,
    buyer: { name: $('#buyer-name').value, tel: $('#buyer-tel').value, email: $('#buyer-email').value },
  };
  if ($('#pay-method').value) body.pay_method = $('#pay-method').value;
  $('#pay').disabled = true;
  try {
    const checkout = await api('POST', '/checkout/orders', body, { idempotent: true });
    showParams(checkout);
    showResult({ status: 'pending', merchant_uid: checkout.merchant_uid, amount: checkout.amount }, 'payment window open');
    const rsp = await openWindow(checkout, device);
    const view = await confirmPayment(rsp);
    if (view && view.merchant_uid) $('#admin-merchant-uid').value = view.merchant_uid;
  } catch (error) {
    showError(error);
  } finally {
    $('#pay').disabled = false;
  }
}

// ── customer: billing keys, subscriptions, rebill ──────────────────────────────

async function signIn() {
  const sub = $('#customer-id').value.trim();
  try {
    if (demo.localTokens) {
      const issued = await api('POST', '/local/token', { sub });
      sessionStorage.setItem('demo.token', issued.token);
    } else {
      sessionStorage.setItem('demo.token', $('#token').value.trim());
    }
    $('#signed-in').textContent = 'signed in as ' + (demo.localTokens ? sub : 'the token\'s subject');
    $('#register-card').disabled = false;
    await refreshCustomer();
  } catch (error) {
    banner('sign-in failed: ' + error.message);
  }
}

async function registerCard() {
  const device = $('#device').value;
  const body = { pg: $('#billing-pg').value, device, plan_id: $('#plan').value,
    buyer: { name: $('#buyer-name').value, tel: $('#buyer-tel').value, email: $('#buyer-email').value } };
  if ($('#charge-first').checked) body.charge_first_period = true;
  $('#register-card').disabled = true;
  try {
    const checkout = await api('POST', '/checkout/billing-keys', body, { auth: true, idempotent: true });
    showParams(checkout);
    showResult({ status: 'pending', merchant_uid: checkout.merchant_uid, amount: checkout.amount }, 'billing-key window open');
    const rsp = await openWindow(checkout, device);
    await confirmPayment(rsp);
    await refreshCustomer();
  } catch (error) {
    showError(error);
  } finally {
    $('#register-card').disabled = false;
  }
}

async function subscribe(customerUid) {
  try {
    await api('POST', '/checkout/subscriptions', { plan_id: $('#plan').value, customer_uid: customerUid }, { auth: true, idempotent: true });
    await refreshCustomer();
  } catch (error) {
    banner('subscribe failed: ' + error.message);
  }
}

async function refreshCustomer() {
  const [keys, subscriptions] = await Promise.all([
    api('GET', '/checkout/billing-keys', undefined, { auth: true }),
    api('GET', '/checkout/subscriptions', undefined, { auth: true }),
  ]);
  const keyRows = $('#keys tbody');
  keyRows.replaceChildren();
  for (const key of keys.items) {
    const row = document.createElement('tr');
    row.dataset.customerUid = key.customer_uid;
    row.dataset.status = key.status;
    const card = key.card ? [key.card.card_name, key.card.masked_number].filter(Boolean).join(' ') : '';
    row.append(text('td', key.customer_uid), text('td', key.pg), text('td', key.status, { class: 'key-status' }), text('td', card));
    const actions = document.createElement('td');
    if (key.status === 'active') {
      const button = text('button', 'Subscribe to the plan', { class: 'subscribe' });
      button.addEventListener('click', () => subscribe(key.customer_uid));
      actions.append(button);
    }
    row.append(actions);
    keyRows.append(row);
  }
  const subscriptionRows = $('#subscriptions tbody');
  subscriptionRows.replaceChildren();
  for (const subscription of subscriptions.items) {
    const row = document.createElement('tr');
    row.dataset.subscriptionId = subscription.id;
    row.dataset.status = subscription.status;
    row.dataset.nextChargeAt = subscription.next_charge_at || '';
    row.append(text('td', subscription.name), text('td', won(subscription.amount)),
      text('td', subscription.status + (subscription.cancel_at_period_end ? ' (ends at period end)' : ''), { class: 'subscription-status' }),
      text('td', subscription.next_charge_at || '–', { class: 'next-charge' }));
    const actions = document.createElement('td');
    if (subscription.status === 'active' && !subscription.cancel_at_period_end) {
      const button = text('button', 'Cancel', { class: 'secondary cancel' });
      button.addEventListener('click', async () => {
        try {
          await api('DELETE', '/checkout/subscriptions/' + encodeURIComponent(subscription.id), undefined, { auth: true });
          await refreshCustomer();
        } catch (error) {
          banner('cancel failed: ' + error.message);
        }
      });
      actions.append(button);
    }
    row.append(actions);
    subscriptionRows.append(row);
  }
}

async function runRebill() {
  $('#run-rebill').disabled = true;
  try {
    const report = await api('POST', '/local/rebill');
    const pre = $('#rebill-report');
    pre.hidden = false;
    pre.textContent = JSON.stringify(report, null, 2);
    if (sessionStorage.getItem('demo.token')) await refreshCustomer();
  } catch (error) {
    banner('rebill failed: ' + error.message);
  } finally {
    $('#run-rebill').disabled = false;
  }
}

// ── back office: look an order up, refund one line ─────────────────────────────

const REFUNDABLE = ['paid', 'partially_refunded'];

/** The reason a line's refund carries: how the view knows a line was refunded (the API refunds amounts). */
function lineReason(line) {
  return `returned: ${line.sku} x${line.quantity}`;
}

async function adminLookUp() {
  const merchantUid = $('#admin-merchant-uid').value.trim();
  if (!merchantUid) return;
  try {
    renderAdminOrder(await api('GET', '/checkout/admin/orders/{merchant_uid}', undefined, { iam: true, params: { merchant_uid: merchantUid } }));
    banner(null);
  } catch (error) {
    $('#admin-order').hidden = true;
    banner('look-up failed: ' + error.message);
  }
}

async function refundLine(merchantUid, line) {
  try {
    // one key per line of an order: a second click (or a retry after a lost answer) answers the first refund
    await api('POST', '/checkout/admin/orders/{merchant_uid}/refunds', { amount: line.line_total, reason: lineReason(line) },
      { iam: true, params: { merchant_uid: merchantUid }, idempotencyKey: `refund-line-${merchantUid}-${line.sku}` });
    banner(null);
  } catch (error) {
    banner('refund failed: ' + error.message);
  }
  await adminLookUp();
}

function renderAdminOrder(record) {
  const order = record.order;
  const view = $('#admin-order');
  view.hidden = false;
  view.dataset.status = order.status;
  view.dataset.refundedAmount = order.refunded_amount;
  $('#admin-summary').replaceChildren(text('code', order.merchant_uid), ' ', text('strong', order.status, { id: 'admin-status' }),
    ` · paid ${won(order.amount)} · refunded `, text('span', won(order.refunded_amount), { id: 'admin-refunded' }),
    ` · refundable ${won(order.refundable_amount)}`, order.pending_refund ? ' · a refund is pending' : '');
  const reasons = new Set(record.refunds.map((refund) => refund.reason));
  const lines = $('#admin-lines tbody');
  lines.replaceChildren();
  for (const line of order.lines) {
    const row = document.createElement('tr');
    row.dataset.sku = line.sku;
    row.append(text('td', line.sku), text('td', line.name), text('td', line.quantity), text('td', won(line.line_total)));
    const cell = document.createElement('td');
    if (reasons.has(lineReason(line))) {
      cell.append(text('span', 'refunded', { class: 'line-refunded' }));
    } else if (REFUNDABLE.includes(order.status) && !order.pending_refund && line.line_total <= order.refundable_amount) {
      const button = text('button', 'Refund this line', { class: 'refund-line' });
      button.addEventListener('click', () => { button.disabled = true; refundLine(order.merchant_uid, line); });
      cell.append(button);
    }
    row.append(cell);
    lines.append(row);
  }
  const refunds = $('#admin-refunds tbody');
  refunds.replaceChildren(...record.refunds.map((refund) => {
    const row = document.createElement('tr');
    row.append(text('td', refund.refund_id || '(i\'mport console)'), text('td', won(refund.amount)), text('td', refund.reason),
      text('td', refund.cancelled_at));
    return row;
  }));
  const audit = $('#admin-audit tbody');
  audit.replaceChildren(...record.audit.map((entry) => {
    const row = document.createElement('tr');
    row.append(text('td', entry.at), text('td', entry.principal_arn), text('td', entry.action + ': ' + entry.detail),
      text('td', entry.outcome));
    return row;
  }));
}

// ── pages ──────────────────────────────────────────────────────────────────────

async function shopPage() {
  $('#api-base').textContent = demo.apiBase || location.origin;
  $('#iamport-script').textContent = demo.iamportScript;
  $('#token-field').hidden = demo.localTokens;
  $('#run-rebill').parentElement.hidden = !demo.localTokens;
  // locally the stand-in takes any signature from the allow-listed key id `local` (README's curl session)
  $('#admin-session-token-field').hidden = demo.localTokens;
  if (demo.localTokens) {
    $('#admin-key-id').value = 'local';
    $('#admin-secret').value = 'local';
  }
  try {
    const [pgs, products, plans] = await Promise.all([
      api('GET', '/checkout/pgs'), api('GET', '/checkout/products'), api('GET', '/checkout/plans')]);
    demo.pgs = pgs.pgs;
    for (const pg of pgs.pgs) {
      if (pg.one_time) $('#pg').append(text('option', pg.pg, { value: pg.pg }));
      if (pg.billing_window.available) {
        $('#billing-pg').append(text('option', pg.pg + (pg.billing_window.charges ? ' · ' + pg.billing_window.charges : ''), { value: pg.pg }));
      }
    }
    fillPayMethods();
    const rows = $('#products tbody');
    for (const product of products.items.filter((p) => p.active)) {
      const quantity = text('input', '', { type: 'number', min: '0', max: '99', value: rows.children.length === 0 ? '1' : '0', 'data-sku': product.sku });
      const cell = document.createElement('td');
      cell.append(quantity);
      const row = document.createElement('tr');
      row.append(text('td', product.name), text('td', won(product.price)), cell);
      rows.append(row);
    }
    for (const plan of plans.items.filter((p) => p.active)) {
      $('#plan').append(text('option', `${plan.name} (${won(plan.amount)})`, { value: plan.plan_id }));
    }
  } catch (error) {
    banner('cannot reach the API at ' + (demo.apiBase || location.origin) + ': ' + error.message);
  }
  $('#pg').addEventListener('change', fillPayMethods);
  $('#pay').addEventListener('click', pay);
  $('#sign-in').addEventListener('click', signIn);
  $('#register-card').addEventListener('click', registerCard);
  $('#run-rebill').addEventListener('click', runRebill);
  $('#admin-look-up').addEventListener('click', adminLookUp);
  document.body.dataset.ready = 'true';
}

/** Where verify's redirect lands: show the status it chose, then the order as confirm reports it. */
async function resultPage() {
  const merchantUid = new URLSearchParams(location.search).get('merchant_uid');
  const status = new URLSearchParams(location.search).get('status') || 'invalid';
  showResult({ status, merchant_uid: merchantUid });
  if (merchantUid) {
    try {
      showResult(await api('POST', '/payments/confirm', { merchant_uid: merchantUid }));
    } catch (error) {
      showResult({ status, merchant_uid: merchantUid }, error.message);
    }
  }
  document.body.dataset.ready = 'true';
}

document.body.dataset.page === 'result' ? resultPage() : shopPage();
