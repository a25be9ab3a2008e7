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
  return { apiBase, iamportScript, localTokens, catalog: { products: [], plans: [] }, pgs: [] };
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

/** fetch against the API; resolves {status, body}, and throws the API's error message for 4xx/5xx. */
async function api(method, path, body, { auth = false, idempotent = false } = {}) {
  const headers = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (auth) headers.authorization = 'Bearer ' + (sessionStorage.getItem('demo.token') || '');
  if (idempotent) headers['idempotency-key'] = uuid();
  const response = await fetch(demo.apiBase + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
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
    await confirmPayment(rsp);
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

// ── pages ──────────────────────────────────────────────────────────────────────

async function shopPage() {
  $('#api-base').textContent = demo.apiBase || location.origin;
  $('#iamport-script').textContent = demo.iamportScript;
  $('#token-field').hidden = demo.localTokens;
  $('#run-rebill').parentElement.hidden = !demo.localTokens;
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
