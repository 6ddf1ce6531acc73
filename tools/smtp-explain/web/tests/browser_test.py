#!/usr/bin/env python3
# smtp-explain: what an SMTP reply, code or session transcript means.
# SPDX-License-Identifier: BSL-1.0
"""The page in a real browser: Debian's Chromium, driven by Selenium.

Serves the built page (build/wasm/page) from 127.0.0.1 on a free port, in
this process, and opens it in headless Chromium with a fresh profile; then
pastes a multiline reply, one line of one, a transcript, a Postfix log line
and an input with problems, drops two bounce emails, works the page by
keyboard alone and at a phone's width, opens it from file://, and explains a
1 MB log. Each check reads the report (codes, meanings, verdicts), not only
that something was drawn. Screenshots and timings.json go to --out.

Exit status 77 (skipped) when Chromium, its driver or Selenium is missing,
unless SMTP_STATUS_REQUIRE_BROWSER=1 asks for a failure instead.
"""
import argparse
import base64
import functools
import http.server
import json
import os
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

SKIP = 77
CHROMIUM = "/usr/bin/chromium"
DRIVER = "/usr/bin/chromedriver"
TOOL = Path(__file__).resolve().parents[2]  # tools/smtp-explain


def missing(what):
    if os.environ.get("SMTP_STATUS_REQUIRE_BROWSER") == "1":
        sys.exit(f"browser test: {what} is missing (SMTP_STATUS_REQUIRE_BROWSER=1)")
    print(f"browser test: {what} is missing; skipped (sh scripts/install-deps.sh installs it)")
    sys.exit(SKIP)


try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError:
    missing("Selenium (python3-selenium)")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class Page:
    """The page in one browser, and what the checks need of it."""

    def __init__(self, driver, out):
        self.driver = driver
        self.out = out
        self.failures = []

    def wait(self, condition, seconds=20, what="the page"):
        return WebDriverWait(self.driver, seconds, poll_frequency=0.02).until(
            lambda d: condition(), message=f"timed out waiting for {what}")

    def js(self, script, *args):
        return self.driver.execute_script(script, *args)

    def reports(self):
        return int(self.js("return document.getElementById('report').dataset.reports || '0'"))

    def open(self, url):
        self.driver.get(url)
        self.wait(lambda: self.js("return performance.getEntriesByName('smtp-explain:ready').length")
                  == 1, what="the core to load")

    def paste(self, text):
        """Puts `text` into the text area as a paste does, explains it, and
        waits for the report."""
        before = self.reports()
        self.js("const t = document.getElementById('text'); t.value = arguments[0];"
                "t.dispatchEvent(new Event('input', {bubbles: true}));"
                "document.getElementById('explain').click();", text)
        self.wait(lambda: self.reports() > before, what="the report")

    def drop(self, name, data):
        """Drops a file on the drop zone, as a drag from the desktop does."""
        before = self.reports()
        self.js("""
            const bytes = Uint8Array.from(atob(arguments[1]), (c) => c.charCodeAt(0));
            const transfer = new DataTransfer();
            transfer.items.add(new File([bytes], arguments[0], {type: 'message/rfc822'}));
            document.getElementById('drop').dispatchEvent(
                new DragEvent('drop', {dataTransfer: transfer, bubbles: true, cancelable: true}));
        """, name, base64.b64encode(data).decode())
        self.wait(lambda: self.reports() > before, what="the report on the dropped file")

    def articles(self):
        return self.js("return Array.from(document.querySelectorAll('#items article'),"
                       " (a) => ({heading: a.querySelector('h3').textContent,"
                       " body: (a.querySelector('pre') || {}).textContent || '',"
                       " verdict: a.className}))")

    def summary(self):
        return self.driver.find_element(By.ID, "summary").text

    def problems(self):
        return self.js("return Array.from(document.querySelectorAll('#problems li'),"
                       " (li) => li.textContent)")

    def json_report(self):
        return json.loads(self.js("return document.getElementById('json').textContent"))

    def shot(self, name, top=False):
        """A screenshot of the report (or of the page's top) into --out."""
        self.js("arguments[0] ? window.scrollTo(0, 0) :"
                " document.getElementById('report').scrollIntoView()", top)
        self.driver.save_screenshot(str(self.out / f"{name}.png"))

    def check(self, condition, message):
        if not condition:
            self.failures.append(message)
            print(f"  FAILED: {message}")


def has(articles, *texts):
    """The first article whose heading and body hold every text."""
    for article in articles:
        whole = article["heading"] + "\n" + article["body"]
        if all(t in whole for t in texts):
            return article
    return None


def check_reply(page):
    page.paste("550-5.1.1 The email account that you tried to reach does not exist.\n"
               "550-5.1.1 Please try double-checking the recipient's email address.\n"
               "550 5.1.1 https://support.example.net/mail/?p=NoSuchUser\n")
    items = page.articles()
    page.check(len(items) == 1, f"one item for one reply, not {len(items)}")
    article = has(items, "reply at pasted text line 1: 550 5.1.1 (3 lines)",
                  "550 MailboxUnavailable, permanent negative (5yz)",
                  "enhanced  5.1.1 Bad destination mailbox address", "next      Fail:")
    page.check(article is not None, "the multiline reply's code, meaning, enhanced code, verdict")
    page.check(article is not None and "verdict-fail" in article["verdict"],
               "the reply's verdict is Fail")
    page.check(page.summary() == "1 reply, 0 warnings; everything understood.",
               f"summary: {page.summary()!r}")
    page.shot("reply")
    # The README's picture: the whole page, input and report.
    page.driver.set_window_size(1000, 1250)
    page.shot("page", top=True)
    page.driver.set_window_size(1200, 1000)


def check_cut_off(page):
    page.paste("421-4.7.28 [192.0.2.1] Our system has detected an unusual rate of "
               "unsolicited mail")
    items = page.articles()
    page.check(has(items, "421 4.7.28 (1 line)", "Mail flood detected", "next      Retry:",
                   "Only one line of a multiline reply") is not None,
               "one line of a multiline reply is explained, with a note")
    page.check(any("the rest of the reply is" in p for p in page.problems()),
               "the cut-off reply is listed under problems")
    page.check("everything understood" in page.summary(), f"summary: {page.summary()!r}")


def check_transcript(page):
    page.paste((TOOL / "samples/swaks-session.txt").read_text())
    items = page.articles()
    page.check(len(items) == 14, f"14 replies in the swaks session, not {len(items)}")
    page.check(has(items, "552", "answers   RCPT TO:<carol@example.net>", "Retry") is not None,
               "552 after RCPT TO is Retry")
    page.check(has(items, "answers   the greeting") is not None, "the greeting is matched")
    page.check(not any("c2VjcmV0" in a["body"] for a in items), "no credential is shown")
    page.check(page.summary().startswith("14 replies"), f"summary: {page.summary()!r}")
    page.shot("transcript")


def check_postfix_line(page):
    line = (TOOL / "samples/postfix-mail.log").read_text().splitlines()[0]
    page.paste(line + "\n")
    items = page.articles()
    page.check(has(items, "(postfix): 550 5.1.1 (3 lines)", "answers   RCPT TO",
                   "to=<nobody@example.net>", "status=bounced", "next      Fail:") is not None,
               "the Postfix log line's reply, command, recipient and verdict")
    report = page.json_report()
    page.check(report["items"][0]["origin"] == "postfix" and report["ok"] is True,
               "the JSON report of the log line")
    page.shot("postfix-log-line")


def check_problems(page):
    page.paste((TOOL / "tests/data/problems.txt").read_text())
    problems = page.problems()
    page.check(any(p.startswith("Line 1") and "CodeMismatch" in p for p in problems),
               f"line 1's CodeMismatch is listed: {problems[:3]}")
    page.driver.find_element(By.CSS_SELECTOR, "#problems li button").click()
    selected = page.js("const t = document.getElementById('text');"
                       "return [t.selectionStart, t.value.slice(t.selectionStart, t.selectionEnd),"
                       " document.activeElement.id]")
    first = (TOOL / "tests/data/problems.txt").read_text().splitlines()[0].rstrip("\r")
    page.check(selected[0] == 0 and selected[1].rstrip("\r") == first and selected[2] == "text",
               f"a problem's button selects its line in the input: {selected}")
    page.check("not understood" in page.summary(), f"summary: {page.summary()!r}")
    page.shot("problems")


def check_emails(page):
    # Per-recipient bounce lines: recipient, reason, hard or soft, verdict.
    page.drop("bounce.eml", (TOOL / "samples/bounce.eml").read_bytes())
    items = page.articles()
    article = has(items, "bounce in bounce.eml: nobody@example.net", "reason    userunknown",
                  "a hard bounce", "next      Fail:")
    page.check(article is not None and "Fail, hard" in article["heading"],
               "the dropped bounce's recipient, reason, hard bounce and verdict")
    page.check(page.json_report()["items"][0]["kind"] == "bounce", "a bounce item in the JSON")
    page.shot("bounce")
    # A bounce whose human part is base64, chosen with the file input; the
    # returned original's own text is never judged.
    delayed = page.out / "delayed.eml"
    delayed.write_bytes((TOOL / "web/tests/data/bounce-base64.eml").read_bytes())
    before = page.reports()
    page.driver.find_element(By.ID, "file").send_keys(str(delayed))
    page.wait(lambda: page.reports() > before, what="the report on the chosen file")
    items = page.articles()
    article = has(items, "bounce in delayed.eml: carol@example.com", "reason    mailboxfull",
                  "next      Retry:")
    page.check(article is not None and "Retry, soft" in article["heading"],
               "the delayed bounce: mailbox full, soft, retry")
    page.check(len(items) == 1 and "5.7.1" not in items[0]["body"],
               "nothing inside the returned original is judged")
    # A bounce that Exim wrote, as the real-server tests collected it.
    exim = TOOL.parents[1] / "tests/bounces/generated/exim/exim-user-unknown-failed.eml"
    if exim.exists():
        page.drop("exim.eml", exim.read_bytes())
        page.check(has(page.articles(), "user-unknown@sink.example.test", "userunknown",
                       "a hard bounce") is not None, "Exim's bounce")


def check_json_toggle(page):
    page.paste("250 2.0.0 Ok: queued as 4F2A1C0123\n")
    toggle = page.driver.find_element(By.ID, "json-toggle")
    page.check(page.js("return document.getElementById('json').hidden"), "JSON hidden at first")
    toggle.click()
    shown = page.js("return !document.getElementById('json').hidden")
    report = page.json_report()
    page.check(shown and toggle.get_attribute("aria-expanded") == "true", "the toggle shows JSON")
    page.check(report["tool"] == "smtp-explain" and report["items"][0]["code"] == 250
               and report["items"][0]["next_action"] == "Proceed", "the JSON report")
    toggle.click()


def check_accessibility(page):
    unlabelled = page.js("return Array.from(document.querySelectorAll('textarea, select, input'))"
                         ".filter((e) => e.labels.length === 0).map((e) => e.id)")
    page.check(unlabelled == [], f"every control has a label: {unlabelled}")
    page.check(page.js("return ['header', 'main', 'footer'].every("
                       "(t) => document.querySelector(t))"), "header, main and footer landmarks")
    page.check(page.js("const s = document.getElementById('summary');"
                       "return s.getAttribute('role') === 'status' &&"
                       " s.getAttribute('aria-live') === 'polite'"),
               "the report's summary is a live region")
    page.check("Nothing is uploaded" in page.driver.find_element(By.ID, "privacy").text,
               "the header says that nothing is uploaded")
    # Keyboard alone: Tab through the form from the top, type, Enter on the
    # button.
    page.driver.refresh()
    page.wait(lambda: page.js("return performance.getEntriesByName('smtp-explain:ready')"
                              ".length") == 1, what="the core to load again")
    order = []
    for _ in range(5):
        ActionChains(page.driver).send_keys(Keys.TAB).perform()
        order.append(page.js("return document.activeElement.id ||"
                             " document.activeElement.className"))
    page.check(order == ["skip", "text", "command", "explain", "file"],
               f"focus order: {order}")
    text = page.driver.find_element(By.ID, "text")
    text.click()
    before = page.reports()
    text.send_keys("452 4.3.1 Insufficient system storage")
    text.send_keys(Keys.TAB, Keys.TAB)  # to the command, then the button
    page.driver.switch_to.active_element.send_keys(Keys.ENTER)
    page.wait(lambda: page.reports() > before, what="the report after Enter")
    page.check(has(page.articles(), "452 4.3.1", "Retry") is not None,
               "explained from the keyboard alone")
    page.check(page.js("return document.activeElement.id") == "report",
               "the report takes the focus after Explain")


def check_phone(page):
    page.driver.set_window_size(390, 844)
    page.paste("550-5.7.26 This mail has been blocked because the sender is unauthenticated.\n"
               "550 5.7.26 Gmail requires all senders to authenticate with either SPF or DKIM.\n")
    overflow = page.js("return document.documentElement.scrollWidth - window.innerWidth")
    page.check(overflow <= 0, f"no sideways scrolling at 390 pixels: {overflow} too wide")
    page.check(has(page.articles(), "550 5.7.26") is not None, "the report at phone width")
    page.shot("phone")
    page.driver.set_window_size(1200, 1000)


def check_file_url(page, folder):
    page.open((folder / "index.html").as_uri())
    page.paste("554 5.7.1 Service unavailable; client host blocked using zen.example.org\n")
    page.check(has(page.articles(), "554 5.7.1", "TransactionFailed", "Fail") is not None,
               "the page works from file://, from a folder")


def check_large_log(page, timings):
    lines = (TOOL / "samples/postfix-mail.log").read_text().splitlines(keepends=True)
    log = []
    size = 0
    while size < 1 << 20:
        for line in lines:
            log.append(line)
            size += len(line.encode())
    text = "".join(log)
    repeats = len(log) // len(lines)
    # In the page: from the paste to the report drawn (the frame after it).
    timings["log_1mb_shown_ms"] = round(page.driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        const report = document.getElementById('report');
        const before = Number(report.dataset.reports || 0);
        const t = document.getElementById('text');
        const started = performance.now();
        t.value = arguments[0];
        t.dispatchEvent(new Event('input', {bubbles: true}));
        document.getElementById('explain').click();
        (function wait() {
            if (Number(report.dataset.reports || 0) > before) {
                requestAnimationFrame(() => setTimeout(() => done(performance.now() - started)));
            } else {
                setTimeout(wait, 5);
            }
        })();
    """, text), 1)
    timings["log_1mb_bytes"] = len(text.encode())
    timings["log_1mb_explain_ms"] = float(page.js(
        "return document.getElementById('report').dataset.explainMs"))
    timings["log_1mb_render_ms"] = float(page.js(
        "return document.getElementById('report').dataset.renderMs"))
    expected = f"{6 * repeats} replies, {repeats} statuses"
    page.check(page.summary().startswith(expected),
               f"the 1 MB log's summary: {page.summary()!r}, expected {expected}")
    page.check(len(page.articles()) == 7 * repeats, "every item of the 1 MB log is shown")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--page", required=True, type=Path, help="the built page's folder")
    parser.add_argument("--out", required=True, type=Path, help="screenshots and timings")
    args = parser.parse_args()
    for path, what in ((CHROMIUM, "Chromium (chromium)"), (DRIVER, "chromedriver (chromium-driver)")):
        if not os.access(path, os.X_OK):
            missing(what)
    if not (args.page / "index.html").exists():
        sys.exit(f"browser test: no page at {args.page}: build the wasm preset first")
    args.out.mkdir(parents=True, exist_ok=True)

    handler = functools.partial(QuietHandler, directory=str(args.page))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/index.html"

    profile = tempfile.mkdtemp(prefix="smtp-explain-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                 f"--user-data-dir={profile}", "--window-size=1200,1000"):
        options.add_argument(flag)
    driver = None
    timings = {}
    failures = []
    passed = 0
    names = []
    try:
        driver = webdriver.Chrome(service=Service(DRIVER), options=options)
        driver.set_page_load_timeout(30)
        driver.set_script_timeout(60)
        page = Page(driver, args.out)
        opened = time.monotonic()
        page.open(url)
        timings["ready_ms"] = round(page.js(
            "return performance.getEntriesByName('smtp-explain:ready')[0].startTime"), 1)
        check_reply(page)
        passed += not page.failures
        print(f"{'ok  ' if not page.failures else 'FAIL'} multiline reply")
        timings["first_report_ms"] = round(page.js(
            "return performance.getEntriesByName('smtp-explain:first-report')[0].startTime"), 1)
        timings["first_report_wall_s"] = round(time.monotonic() - opened, 3)
        resources = page.js("return performance.getEntriesByType('resource').map((r) => r.name)")
        page.check(all(r.startswith(url.rsplit("/", 1)[0]) for r in resources),
                   f"everything the page loaded came from its folder: {resources}")
        checks = [check_cut_off, check_transcript, check_postfix_line, check_problems,
                  check_emails, check_json_toggle, check_accessibility, check_phone,
                  lambda p: check_large_log(p, timings),
                  lambda p: check_file_url(p, args.page.resolve())]
        names = ["cut-off reply", "transcript", "postfix log line", "problems", "emails",
                 "json toggle", "keyboard and screen reader", "phone width", "1 MB log",
                 "file://"]
        for name, check in zip(names, checks):
            before = len(page.failures)
            try:
                check(page)
            except Exception as error:  # a timeout or a missing element: that check fails
                page.failures.append(f"{name}: {type(error).__name__}: {error}")
            passed += len(page.failures) == before
            print(f"{'ok  ' if len(page.failures) == before else 'FAIL'} {name}")
        failures = page.failures
        console = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
        if console:
            failures.append(f"errors in the browser's console: {console}")
    finally:
        if driver is not None:
            driver.quit()
        server.shutdown()
        server.server_close()
        shutil.rmtree(profile, ignore_errors=True)

    (args.out / "timings.json").write_text(json.dumps(timings, indent=2) + "\n")
    print("timings:", json.dumps(timings))
    print(f"screenshots and timings in {args.out}")
    for failure in failures:
        print("FAILED:", failure)
    # One count per group of checks, and one for a quiet console.
    clean = not any(f.startswith("errors in the browser's console") for f in failures)
    print(f"{passed + clean} passed, {1 + len(names) - passed + (not clean)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
