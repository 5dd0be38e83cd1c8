"""What the browser gets besides Gradio: the sources panel, the /widget page, /widget.js and the embed snippets.

Everything is self-contained text (no CDN, no web fonts) so the app works offline. Any user or document
text that ends up in HTML built here passes through html.escape; the widget page builds its DOM with
textContent only, never innerHTML.
"""
from __future__ import annotations

import html
from collections.abc import Callable

CONTEXT_CHARS = 160  # of the paragraph shown around a quote: enough to judge it, short enough for a chat bubble
SYSTEM_FONTS = ('system-ui, -apple-system, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", '
                '"Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif')


def _lines(text: str) -> str:
    # A blank line would end Markdown's raw-HTML block and let the rest be parsed as Markdown.
    return "<br>".join(html.escape(line) for line in text.splitlines() if line.strip())


def _paragraph(text: str | None, start: int, end: int, quote: str) -> str:
    """The quote highlighted inside its paragraph; just the quote when it cannot be found in the text."""
    if text and quote and text[start:end] != quote and quote in text:  # offsets of an older version of the text
        start = text.index(quote)
        end = start + len(quote)
    if not text or not (0 <= start < end <= len(text)):
        return f"<mark>{html.escape(quote)}</mark>"
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    right = len(text) if right < 0 else right
    left, right = max(left, start - CONTEXT_CHARS), min(right, end + CONTEXT_CHARS)
    clipped_left = left > 0 and text[left - 1] != "\n"
    clipped_right = right < len(text) and text[right] != "\n"
    return ("…" if clipped_left else "") + _lines(text[left:start]) + f"<mark>{_lines(text[start:end])}</mark>" + \
        _lines(text[end:right]) + ("…" if clipped_right else "")


def message_text(content) -> str:
    """Chatbot message content (a string or Gradio 6 content parts) as plain text."""
    if isinstance(content, str):
        return content
    if isinstance(content, dict):
        return content.get("text") or ""
    if isinstance(content, list):
        return "".join(message_text(part) for part in content)
    return ""


def _inert(text: str) -> str:
    # Only < and >, so that escaping again changes nothing: the chat history round-trips through the
    # browser and passes here on every update.
    return text.replace("<", "&lt;").replace(">", "&gt;")


def typed_text(content) -> str:
    """What the user typed, from a user message that went through inert_user_messages."""
    return message_text(content).replace("&lt;", "<").replace("&gt;", ">")


def inert_user_messages(messages: list) -> list:
    """User messages shown as typed: the Chatbot renders Markdown and HTML, and a question is neither."""
    out = []
    for m in messages or []:
        if isinstance(m, dict) and m.get("role") == "user":
            content = m.get("content")
            if isinstance(content, str):
                m = {**m, "content": _inert(content)}
            elif isinstance(content, list):
                m = {**m, "content": [{**c, "text": _inert(c["text"])}
                                      if isinstance(c, dict) and isinstance(c.get("text"), str) else c
                                      for c in content]}
        out.append(m)
    return out


def answer_html(answer: str, refused: bool = False) -> str:
    css = "pq-answer pq-refused" if refused else "pq-answer"
    return f'<div class="{css}">{_lines(answer)}</div>'


def sources_html(answer: dict, document_text: Callable[[str], str | None], question: str) -> str:
    """The collapsible 来源 panel of one answer (`answer` is Answer.to_json())."""
    items = []
    texts: dict[str, str | None] = {}
    for number, c in enumerate(answer["citations"], 1):
        if c["doc"] not in texts:
            texts[c["doc"]] = document_text(c["doc"])
        where = " · ".join(html.escape(part) for part in (c["doc"], c.get("section") or "") if part)
        items.append(f'<li><div class="pq-meta">[{number}] {where} · 相关度 {float(c["score"]):.2f}</div>'
                     f'<div class="pq-quote">{_paragraph(texts[c["doc"]], c["start"], c["end"], c["text"])}</div></li>')
    rewritten = answer.get("rewritten_question") or ""
    note = (f'<div class="pq-rewritten">检索用的问题：{html.escape(rewritten)}</div>'
            if rewritten and rewritten.strip() != question.strip() else "")
    if not items:
        body = '<div class="pq-meta">没有找到足以回答的原文，因此不作回答。</div>'
    else:
        body = f'<ol>{"".join(items)}</ol>'
    return f'<details class="pq-sources"><summary>来源（{len(items)}）</summary>{note}{body}</details>'


UI_CSS = """
.pq-answer { white-space: normal; }
.pq-refused { opacity: .8; font-style: italic; }
.pq-sources { margin-top: .6em; font-size: .92em; }
.pq-sources summary { cursor: pointer; font-weight: 600; }
.pq-sources ol { margin: .4em 0 0 1.2em; padding: 0; }
.pq-sources li { margin-bottom: .6em; }
.pq-meta, .pq-rewritten { opacity: .75; font-size: .9em; }
.pq-quote { margin-top: .2em; line-height: 1.6; }
.pq-quote mark { background: #fde68a; color: inherit; padding: 0 .1em; }
.dark .pq-quote mark { background: #854d0e; }
"""

WIDGET_HTML = """<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>政策问答</title>
<style>
:root{color-scheme:light dark;--bg:#fff;--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--user:#dbeafe;--bot:#f6f8fa;--accent:#2563eb;--mark:#fde68a}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#3d444d;--user:#1e3a5f;--bot:#151b23;--accent:#4493f8;--mark:#854d0e}}
:root[data-theme=light]{color-scheme:light;--bg:#fff;--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--user:#dbeafe;--bot:#f6f8fa;--accent:#2563eb;--mark:#fde68a}
:root[data-theme=dark]{color-scheme:dark;--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#3d444d;--user:#1e3a5f;--bot:#151b23;--accent:#4493f8;--mark:#854d0e}
*{box-sizing:border-box}
body{margin:0;height:100vh;display:flex;flex-direction:column;background:var(--bg);color:var(--fg);font:14px/1.55 __FONTS__}
header{padding:10px 12px;border-bottom:1px solid var(--line);font-weight:600}
header small{font-weight:400;color:var(--muted);margin-left:6px}
#log{flex:1;overflow-y:auto;padding:12px;display:flex;flex-direction:column;gap:10px}
.msg{max-width:90%;padding:8px 11px;border-radius:12px;white-space:pre-wrap;word-break:break-word}
.user{align-self:flex-end;background:var(--user)}
.bot{align-self:flex-start;background:var(--bot);border:1px solid var(--line)}
.err{border-color:#d1242f}
.hint{color:var(--muted);font-size:13px}
details{margin-top:6px;white-space:normal}
summary{cursor:pointer;color:var(--accent);font-size:13px}
details ol{margin:6px 0 0;padding-left:20px;font-size:13px}
details li{margin-bottom:6px}
.where{color:var(--muted);font-size:12px}
mark{background:var(--mark);color:inherit}
.votes{margin-top:4px;display:flex;gap:4px}
.votes button{border:1px solid var(--line);background:transparent;color:var(--muted);border-radius:6px;cursor:pointer;font-size:12px;padding:1px 6px}
.votes button[aria-pressed=true]{color:var(--accent);border-color:var(--accent)}
form{display:flex;gap:6px;padding:10px;border-top:1px solid var(--line)}
input{flex:1;min-width:0;padding:8px 10px;border:1px solid var(--line);border-radius:8px;background:var(--bg);color:var(--fg);font:inherit}
form button{padding:8px 14px;border:0;border-radius:8px;background:var(--accent);color:#fff;font:inherit;cursor:pointer}
form button:disabled{opacity:.6;cursor:wait}
</style></head>
<body>
<header>政策问答<small>每个回答都附原文出处</small></header>
<main id="log" aria-live="polite"><div class="hint">例如：海南国家区块链技术和产业创新发展基地要在哪年前建成？</div></main>
<form id="ask"><input id="q" autocomplete="off" maxlength="500" placeholder="输入问题…" aria-label="问题">
<button id="send" type="submit">发送</button></form>
<script>
(function () {
  var theme = new URLSearchParams(location.search).get("theme");
  if (theme === "light" || theme === "dark") document.documentElement.dataset.theme = theme;
  var log = document.getElementById("log"), form = document.getElementById("ask");
  var input = document.getElementById("q"), send = document.getElementById("send");
  var asked = [];
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function bubble(cls, text) {
    var node = log.appendChild(el("div", "msg " + cls, text));
    log.scrollTop = log.scrollHeight;
    return node;
  }
  function sources(node, data, question) {
    var cites = data.citations || [];
    if (!cites.length) return;
    var box = el("details"), list = el("ol");
    box.appendChild(el("summary", "", "来源（" + cites.length + "）"));
    if (data.rewritten_question && data.rewritten_question !== question)
      box.appendChild(el("div", "where", "检索用的问题：" + data.rewritten_question));
    cites.forEach(function (c) {
      var item = el("li");
      item.appendChild(el("div", "where", [c.doc, c.section].filter(Boolean).join(" · ")));
      item.appendChild(el("mark", "", c.text));
      list.appendChild(item);
    });
    box.appendChild(list);
    node.appendChild(box);
  }
  function votes(node, data, question, history) {
    var row = el("div", "votes");
    [["like", "有用"], ["dislike", "不对"]].forEach(function (v) {
      var b = row.appendChild(el("button", "", v[1]));
      b.type = "button";
      b.setAttribute("aria-pressed", "false");
      b.onclick = function () {
        row.querySelectorAll("button").forEach(function (x) { x.setAttribute("aria-pressed", "false"); });
        b.setAttribute("aria-pressed", "true");
        fetch("api/feedback", {method: "POST", headers: {"Content-Type": "application/json"},
          body: JSON.stringify({question: question, history: history, answer: data.answer,
                                citations: data.citations || [], vote: v[0]})});
      };
    });
    node.appendChild(row);
  }
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var question = input.value.trim();
    if (!question) return;
    var history = asked.slice();
    bubble("user", question);
    var answer = bubble("bot", "…");
    input.value = ""; send.disabled = true;
    fetch("api/ask", {method: "POST", headers: {"Content-Type": "application/json"},
                      body: JSON.stringify({question: question, history: history})})
      .then(function (r) {
        return r.json().catch(function () { return {}; }).then(function (data) {
          if (!r.ok) throw new Error((data.error && data.error.message) || ("出错了（HTTP " + r.status + "），请稍后再试。"));
          return data;
        });
      })
      .then(function (data) {
        asked.push(question);
        answer.textContent = data.answer;
        sources(answer, data, question);
        votes(answer, data, question, history);
      })
      .catch(function (e) { answer.textContent = e.message || "网络错误，请稍后再试。"; answer.classList.add("err"); })
      .then(function () { send.disabled = false; input.focus(); log.scrollTop = log.scrollHeight; });
  });
})();
</script>
</body></html>
""".replace("__FONTS__", SYSTEM_FONTS)

# One <script> tag on any page: a floating button that opens /widget in an iframe. The frame is created on the
# first click, so a page that never opens the chat makes no request to the app beyond this script.
WIDGET_JS = """(function () {
  var me = document.currentScript;
  if (!me || window.__policyqaWidget) return;
  window.__policyqaWidget = true;
  var src = new URL("widget", me.src);
  if (me.dataset.theme) src.searchParams.set("theme", me.dataset.theme);
  var title = me.dataset.title || "政策问答";
  var host = document.createElement("div");
  host.id = "policyqa-widget";
  var root = host.attachShadow({mode: "open"});
  // Inline SVG, not emoji: the host page may lack an emoji font.
  var chat = '<svg width="26" height="26" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" ' +
    'stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z"/></svg>';
  var close = '<svg width="24" height="24" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2.5" ' +
    'stroke-linecap="round" aria-hidden="true"><path d="M6 6l12 12M18 6L6 18"/></svg>';
  root.innerHTML = '<style>' +
    ':host{all:initial}' +
    'button{position:fixed;right:20px;bottom:20px;z-index:2147483000;width:56px;height:56px;border-radius:50%;' +
    'border:0;background:#2563eb;color:#fff;cursor:pointer;display:grid;place-items:center;' +
    'box-shadow:0 4px 14px rgba(0,0,0,.25)}' +
    'button:focus-visible{outline:3px solid #93c5fd;outline-offset:2px}' +
    '.panel{position:fixed;right:20px;bottom:88px;z-index:2147483000;width:min(380px,calc(100vw - 40px));' +
    'height:min(560px,calc(100vh - 120px));border-radius:14px;overflow:hidden;box-shadow:0 8px 30px rgba(0,0,0,.3);' +
    'background:Canvas}' +
    '.panel[hidden]{display:none}iframe{width:100%;height:100%;border:0;display:block}' +
    '</style><div class="panel" hidden></div><button type="button" aria-expanded="false"></button>';
  var panel = root.querySelector(".panel"), button = root.querySelector("button");
  button.innerHTML = chat;
  button.title = title;
  button.setAttribute("aria-label", title);
  function toggle(open) {
    if (open && !panel.firstChild) {
      var frame = document.createElement("iframe");
      frame.src = src.href;
      frame.title = title;
      panel.appendChild(frame);
    }
    panel.hidden = !open;
    button.setAttribute("aria-expanded", String(open));
    button.innerHTML = open ? close : chat;
  }
  button.addEventListener("click", function () { toggle(panel.hidden); });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape" && !panel.hidden) toggle(false); });
  (document.body || document.documentElement).appendChild(host);
})();
"""

PREVIEW_HTML = """<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>widget.js 预览</title>
<style>body{margin:0;padding:16px;font:14px/1.6 __FONTS__;color:#59636e}</style></head>
<body><p>这是一个嵌入了 widget.js 的示例页面：点击右下角的按钮提问。</p>
<script src="widget.js" defer></script></body></html>
""".replace("__FONTS__", SYSTEM_FONTS)


def embed_snippets(base: str) -> dict[str, str]:
    """Copy-paste HTML for the three ways to embed the app served at `base` (no trailing slash)."""
    return {
        "script": f'<script src="{base}/widget.js" defer></script>',
        "iframe": (f'<iframe src="{base}/widget" title="政策问答" loading="lazy"\n'
                   f'        style="width:380px;height:560px;border:1px solid #d1d9e0;border-radius:12px"></iframe>'),
        "gradio": (f'<script type="module" src="{base}/gradio.js"></script>\n'
                   f'<gradio-app src="{base}/"></gradio-app>'),
    }
