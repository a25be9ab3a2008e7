/*!
 * i'mport sandbox: a local stand-in for https://cdn.iamport.kr/v1/iamport.js (PortOne V1 JavaScript SDK).
 * Served by the testkit's IamportSandbox at {sandbox}/v1/iamport.js. Load it instead of the CDN script:
 *
 *   <script src="http://127.0.0.1:<port>/v1/iamport.js"></script>
 *   IMP.init('imp00000000');                   // the sandbox's imp_code (IamportSandbox.credentials().impCode())
 *   IMP.request_pay(params, function (rsp) { ... });
 *
 * Same contract as the real SDK:
 *  - PC: a full-screen overlay <iframe id="imp-sandbox-window"> shows the sandbox's window page; when the buyer
 *    is done, the overlay goes away and callback(rsp) runs once. rsp: success, imp_uid, merchant_uid,
 *    error_code, error_msg, and for a finished payment paid_amount, pay_method, pg_provider, status,
 *    vbank_* ... (tosspayments sends only imp_uid, merchant_uid and error_*, as the real SDK does).
 *  - Mobile, and chai everywhere: the page itself goes to the window (location.href); the window then sends the
 *    browser to m_redirect_url?imp_uid=&merchant_uid=&imp_success=[&error_code=&error_msg=]. The callback does
 *    not run.
 *  - The window does not open when the sandbox refuses the request (wrong imp_code, no m_redirect_url where one
 *    is needed, ...): callback({success: false, imp_uid: null, merchant_uid, error_code, error_msg}); in redirect
 *    mode with a usable m_redirect_url the browser goes there with imp_success=false and the error instead.
 *
 * Device: pc or mobile by user agent (/Mobi|Android|iPhone|iPad/i), like the real SDK. SANDBOX ONLY: a page may
 * force it by setting window.IMP_SANDBOX_DEVICE = 'pc' | 'mobile' before calling IMP.request_pay. The real SDK
 * ignores that global, so leaving it in production code changes nothing there.
 *
 * The script finds the sandbox from its own <script src> (document.currentScript), so the storefront page may
 * come from any origin; the sandbox answers with CORS headers. Results from the window are accepted only from
 * the sandbox's origin and only for the window this page opened.
 */
(function (window, document) {
  'use strict';

  var SCRIPT_PATH = '/v1/iamport.js';
  /** Must match window.html, which posts {type, session_id, rsp} to the storefront. */
  var RESULT_MESSAGE = 'iamport-sandbox:result';
  var MOBILE_USER_AGENT = /Mobi|Android|iPhone|iPad/i;
  var OVERLAY_ID = 'imp-sandbox-overlay';
  var FRAME_ID = 'imp-sandbox-window';
  var CLOSE_ID = 'imp-sandbox-close';

  if (window.IMP && window.IMP.sandbox) {
    return; // loaded twice: keep the first instance and its state
  }

  var sandboxOrigin = originOfThisScript();
  var impCode = null;
  var openWindow = null; // the PC window being shown, if any

  function originOfThisScript() {
    var script = document.currentScript;
    if (!script || !script.src) {
      // not run synchronously from its own <script> tag: find that tag
      var candidates = document.querySelectorAll('script[src]');
      for (var i = candidates.length - 1; i >= 0 && !script; i--) {
        if (new URL(candidates[i].src, document.baseURI).pathname === SCRIPT_PATH) {
          script = candidates[i];
        }
      }
    }
    if (!script) {
      throw new Error('[iamport sandbox] cannot tell where iamport.js was loaded from; load it with <script src>');
    }
    return new URL(script.src, document.baseURI).origin;
  }

  function device() {
    var forced = window.IMP_SANDBOX_DEVICE;
    if (forced === 'pc' || forced === 'mobile') {
      return forced;
    }
    if (forced !== undefined && forced !== null) {
      console.warn('[iamport sandbox] IMP_SANDBOX_DEVICE must be "pc" or "mobile"; using the user agent instead');
    }
    return MOBILE_USER_AGENT.test(navigator.userAgent) ? 'mobile' : 'pc';
  }

  /** Where the window would redirect: on mobile, and for chai on any device. */
  function redirectsFor(params, currentDevice) {
    var pg = params && typeof params.pg === 'string' ? params.pg : '';
    return currentDevice === 'mobile' || pg === 'chai' || pg.indexOf('chai.') === 0;
  }

  function usableRedirectUrl(url) {
    if (typeof url !== 'string' || url === '') {
      return null;
    }
    try {
      var parsed = new URL(url);
      return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? url : null;
    } catch (e) {
      return null;
    }
  }

  /** url + query, before any #fragment, joined with ? or & as the url needs. */
  function withQuery(url, fields) {
    var hash = url.indexOf('#');
    var fragment = hash < 0 ? '' : url.substring(hash);
    var base = hash < 0 ? url : url.substring(0, hash);
    var query = Object.keys(fields)
      .filter(function (key) { return fields[key] !== null && fields[key] !== undefined; })
      .map(function (key) { return encodeURIComponent(key) + '=' + encodeURIComponent(String(fields[key])); })
      .join('&');
    var separator = base.indexOf('?') < 0 ? '?' : (/[?&]$/.test(base) ? '' : '&');
    return base + separator + query + fragment;
  }

  /** Runs the page's callback outside our promise chains, so its exceptions surface like any other. */
  function callBack(callback, rsp) {
    if (typeof callback === 'function') {
      setTimeout(function () { callback(rsp); }, 0);
    }
  }

  /** The window did not open: the callback gets the error, or m_redirect_url in redirect mode. */
  function refuse(params, currentDevice, callback, errorCode, errorMsg) {
    var merchantUid = params && params.merchant_uid !== undefined ? params.merchant_uid : null;
    var redirectUrl = redirectsFor(params, currentDevice) ? usableRedirectUrl(params && params.m_redirect_url) : null;
    if (redirectUrl) {
      window.location.href = withQuery(redirectUrl, {
        merchant_uid: merchantUid, imp_success: 'false', error_code: errorCode, error_msg: errorMsg
      });
      return;
    }
    callBack(callback, {
      success: false, imp_uid: null, merchant_uid: merchantUid, error_code: errorCode, error_msg: errorMsg
    });
  }

  function requestPay(params, callback) {
    var currentDevice = device();
    if (params === null || typeof params !== 'object') {
      refuse(null, currentDevice, callback, 'INVALID_PARAMS', 'IMP.request_pay 의 첫 인자는 파라미터 객체여야 합니다.');
      return;
    }
    if (openWindow) {
      refuse(params, currentDevice, callback, 'WINDOW_ALREADY_OPEN', '이미 결제창이 열려 있습니다.');
      return;
    }
    var body;
    try {
      body = JSON.stringify({ imp_code: impCode, params: params, device: currentDevice });
    } catch (e) {
      refuse(params, currentDevice, callback, 'INVALID_PARAMS', '파라미터를 JSON 으로 보낼 수 없습니다: ' + e.message);
      return;
    }
    fetch(sandboxOrigin + '/window/sessions', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: body
    }).then(function (reply) {
      return reply.json().then(function (json) { return { ok: reply.ok, status: reply.status, body: json }; });
    }).then(function (reply) {
      if (!reply.ok) {
        refuse(params, currentDevice, callback, reply.body.error_code || ('HTTP_' + reply.status),
          reply.body.error_msg || ('샌드박스가 결제창을 열지 않았습니다 (HTTP ' + reply.status + ')'));
      } else if (reply.body.mode === 'redirect') {
        window.location.href = reply.body.window_url;
      } else {
        showWindow(reply.body, params, callback);
      }
    }, function (error) {
      refuse(params, currentDevice, callback, 'SANDBOX_UNREACHABLE',
        'i\'mport 샌드박스에 연결할 수 없습니다 (' + sandboxOrigin + '): ' + error.message);
    });
  }

  /** PC: the window page in a full-screen overlay until it posts the result. */
  function showWindow(session, params, callback) {
    var overlay = document.createElement('div');
    overlay.id = OVERLAY_ID;
    overlay.setAttribute('data-session-id', session.session_id);
    overlay.style.cssText = 'position:fixed;top:0;left:0;width:100%;height:100%;margin:0;padding:0;'
      + 'z-index:2147483647;background:rgba(0,0,0,0.55);';

    var frame = document.createElement('iframe');
    frame.id = FRAME_ID;
    frame.name = FRAME_ID;
    frame.title = "i'mport sandbox checkout window";
    frame.src = session.window_url;
    frame.style.cssText = 'position:absolute;top:0;left:0;width:100%;height:100%;border:0;margin:0;padding:0;'
      + 'background:transparent;';

    // The buyer closing the window from outside: the same user cancel as the window's own cancel button.
    var close = document.createElement('button');
    close.id = CLOSE_ID;
    close.type = 'button';
    close.textContent = '\u00d7';
    close.setAttribute('aria-label', '결제창 닫기 / Close');
    close.style.cssText = 'position:absolute;top:8px;right:8px;z-index:1;width:36px;height:36px;border:0;'
      + 'border-radius:18px;background:#fff;color:#1d2330;font:22px/36px sans-serif;cursor:pointer;';

    var current = { sessionId: session.session_id, done: false };
    openWindow = current;

    function finish(rsp) {
      if (current.done) {
        return;
      }
      current.done = true;
      window.removeEventListener('message', onMessage);
      if (overlay.parentNode) {
        overlay.parentNode.removeChild(overlay);
      }
      if (openWindow === current) {
        openWindow = null;
      }
      callBack(callback, rsp);
    }

    function onMessage(event) {
      var data = event.data;
      if (event.origin !== sandboxOrigin || !data || data.type !== RESULT_MESSAGE
          || data.session_id !== current.sessionId) {
        return;
      }
      finish(data.rsp || {});
    }

    close.addEventListener('click', function () {
      close.disabled = true;
      fetch(sandboxOrigin + '/window/sessions/' + encodeURIComponent(current.sessionId) + '/complete', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ outcome: 'cancel' })
      }).then(function (reply) {
        return reply.json().then(function (json) { return { status: reply.status, body: json }; });
      }).then(function (reply) {
        if (reply.status === 200) {
          finish(reply.body.rsp || {});
        } else if (reply.status === 409) {
          finish(reply.body.result.rsp || {}); // the window finished first: its result stands
        } else {
          finish({ success: false, imp_uid: null, merchant_uid: params.merchant_uid === undefined ? null : params.merchant_uid,
            error_code: reply.body.error_code, error_msg: reply.body.error_msg });
        }
      }, function (error) {
        close.disabled = false;
        console.error('[iamport sandbox] could not close the window', error);
      });
    });

    window.addEventListener('message', onMessage);
    overlay.appendChild(frame);
    overlay.appendChild(close);
    (document.body || document.documentElement).appendChild(overlay);
  }

  window.IMP = {
    /** Sandbox only: where this script came from. The real SDK has no such property. */
    sandbox: { origin: sandboxOrigin },

    init: function (code) {
      impCode = code;
    },

    request_pay: function (params, callback) {
      requestPay(params, callback);
    }
  };
})(window, document);
