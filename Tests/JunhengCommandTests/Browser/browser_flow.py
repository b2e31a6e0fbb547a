#!/usr/bin/env python3
"""Drives headless Chromium through Junheng's web pages, as a person would.

Usage: browser_flow.py BASE_URL COUNTY SCHOOL SCREENSHOT_DIR BLOCKS SITES OPEN_SITES QUOTA EVIDENCE_PDF
Environment: ADMIN_PASSWORD, CLERK_PASSWORD, PLANNER_PASSWORD, CARE_PASSWORD, SUPERVISOR_PASSWORD.

Flow: the admin signs in and opens the county overview (no wider than the window, nor the
investment plan) and a school page; the school's
clerk signs in, edits 教学及辅助用房面积 on the school page and saves; the planner signs in and
the audit page shows the clerk's change with the old and the new value; the planner fetches the
plan page's workbook, sets the county's unit costs, sees the plan's cost change and the price
changes in the audit trail.

Talks the Chrome DevTools Protocol over a WebSocket written with the standard library only
(no pip package needed). Exits 0 when every check holds, 1 with the failed check otherwise.
"""
import base64, json, os, re, socket, struct, subprocess, sys, tempfile, time, urllib.request


class DevToolsSocket:
    """A minimal RFC 6455 client: text frames out (masked), text frames in."""

    def __init__(self, url):
        m = re.match(r"ws://([^:/]+):(\d+)(/.*)", url)
        host, port, path = m.group(1), int(m.group(2)), m.group(3)
        self.sock = socket.create_connection((host, port), timeout=30)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nUpgrade: websocket\r\n"
                           f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
        response = b""
        while b"\r\n\r\n" not in response:
            response += self.sock.recv(4096)
        if b" 101 " not in response.split(b"\r\n")[0]:
            raise RuntimeError("websocket handshake refused: " + response.decode(errors="replace"))
        self.buffer = response.split(b"\r\n\r\n", 1)[1]
        self.next_id = 0
        self.events = []

    def _recv_exact(self, n):
        while len(self.buffer) < n:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise RuntimeError("DevTools closed the connection")
            self.buffer += chunk
        data, self.buffer = self.buffer[:n], self.buffer[n:]
        return data

    def _send_text(self, text):
        payload = text.encode()
        header = bytes([0x81])
        n = len(payload)
        if n < 126:
            header += bytes([0x80 | n])
        elif n < 65536:
            header += bytes([0x80 | 126]) + struct.pack(">H", n)
        else:
            header += bytes([0x80 | 127]) + struct.pack(">Q", n)
        mask = os.urandom(4)
        self.sock.sendall(header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))

    def _recv_message(self):
        message = b""
        while True:
            b0, b1 = self._recv_exact(2)
            n = b1 & 0x7F
            if n == 126:
                n = struct.unpack(">H", self._recv_exact(2))[0]
            elif n == 127:
                n = struct.unpack(">Q", self._recv_exact(8))[0]
            payload = self._recv_exact(n)
            opcode = b0 & 0x0F
            if opcode in (0x1, 0x0):
                message += payload
                if b0 & 0x80:
                    return json.loads(message)
            elif opcode == 0x8:
                raise RuntimeError("DevTools closed the socket")

    def call(self, method, **params):
        self.next_id += 1
        ident = self.next_id
        self._send_text(json.dumps({"id": ident, "method": method, "params": params}))
        while True:
            message = self._recv_message()
            if message.get("id") == ident:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def wait_event(self, name, timeout=30):
        deadline = time.time() + timeout
        while time.time() < deadline:
            for i, event in enumerate(self.events):
                if event.get("method") == name:
                    del self.events[i]
                    return event
            self.events.append(self._recv_message())
        raise RuntimeError(f"no {name} within {timeout} s")


class Page:
    def __init__(self, ws, base):
        self.ws, self.base = ws, base
        ws.call("Page.enable")
        ws.call("Runtime.enable")

    def _settle(self):
        self.ws.wait_event("Page.loadEventFired")

    def open(self, path):
        self.ws.events.clear()
        self.ws.call("Page.navigate", url=self.base + path)
        self._settle()

    def js(self, expression):
        result = self.ws.call("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"script failed: {expression[:80]}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def submit(self, form_selector, fields):
        """Fills `fields` (name → value) in the form and submits it with its own button."""
        self.ws.events.clear()
        script = "(() => { const f = document.querySelector(%s); if (!f) throw new Error('no form ' + %s);" % (
            json.dumps(form_selector), json.dumps(form_selector))
        for name, value in fields.items():
            script += "f.elements[%s].value = %s;" % (json.dumps(name), json.dumps(value))
        script += "const b = f.querySelector('button[type=submit],input[type=submit]'); if (b) b.click(); else f.submit(); })()"
        self.js(script)
        self._settle()

    def press(self, form_selector, fields, button_selector):
        """Fills `fields` in the form and submits it with the button `button_selector` (a
        form with more than one action)."""
        self.ws.events.clear()
        script = "(() => { const f = document.querySelector(%s); if (!f) throw new Error('no form ' + %s);" % (
            json.dumps(form_selector), json.dumps(form_selector))
        for name, value in fields.items():
            script += "f.elements[%s].value = %s;" % (json.dumps(name), json.dumps(value))
        script += "const b = f.querySelector(%s); if (!b) throw new Error('no button'); b.click(); })()" % json.dumps(button_selector)
        self.js(script)
        self._settle()

    def set_file(self, selector, path):
        """Puts the file at `path` in the file input `selector` (as choosing it would)."""
        root = self.ws.call("DOM.getDocument")["root"]["nodeId"]
        node = self.ws.call("DOM.querySelector", nodeId=root, selector=selector)["nodeId"]
        if not node:
            raise RuntimeError(f"no file input {selector}")
        self.ws.call("DOM.setFileInputFiles", files=[path], nodeId=node)

    def download(self, selector, folder):
        """Clicks the link `selector` and waits for the browser to save what it answers in
        `folder` (the page's Content Security Policy allows no script fetch); returns the
        file name the browser chose (from Content-Disposition) and the file's first bytes
        and size."""
        self.ws.call("Page.setDownloadBehavior", behavior="allow", downloadPath=folder)
        self.ws.events.clear()
        self.js("document.querySelector(%s).click()" % json.dumps(selector))
        begun = self.ws.wait_event("Page.downloadWillBegin")["params"]
        while True:
            progress = self.ws.wait_event("Page.downloadProgress")["params"]
            if progress["state"] == "completed":
                break
            if progress["state"] == "canceled":
                raise RuntimeError(f"the download of {begun['url']} was canceled")
        path = os.path.join(folder, begun["suggestedFilename"])
        with open(path, "rb") as file:
            data = file.read()
        return {"name": begun["suggestedFilename"], "url": begun["url"], "size": len(data), "magic": data[:2]}

    @property
    def text(self):
        return self.js("document.body.innerText")

    @property
    def path(self):
        return self.js("location.pathname + location.search")

    def screenshot(self, file):
        data = self.ws.call("Page.captureScreenshot", format="png")["data"]
        with open(file, "wb") as out:
            out.write(base64.b64decode(data))


def check(condition, what, page):
    if not condition:
        print(f"FAILED: {what}\n  at {page.path}\n  page text: {page.text[:1500]}", file=sys.stderr)
        sys.exit(1)
    print(f"ok: {what}")


def sign_in(page, name, password):
    page.open("/login")
    page.submit("form[action='/login']", {"name": name, "password": password})


def sign_out(page):
    page.submit("form[action='/logout']", {})


def main():
    base, county, school, shots, blocks, sites, open_sites, quota, evidence = sys.argv[1:10]
    profile = tempfile.mkdtemp(prefix="junheng-chromium-")
    chromium = subprocess.Popen(
        ["chromium", "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--remote-debugging-port=0", f"--user-data-dir={profile}", "--window-size=1280,1600", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        port = None
        deadline = time.time() + 30
        while port is None and time.time() < deadline:
            line = chromium.stderr.readline()
            m = re.search(r"DevTools listening on ws://127\.0\.0\.1:(\d+)/", line)
            if m:
                port = int(m.group(1))
        if port is None:
            raise RuntimeError("Chromium did not start DevTools")
        targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list"))
        target = next(t for t in targets if t["type"] == "page")
        page = Page(DevToolsSocket(target["webSocketDebuggerUrl"]), base)

        sign_in(page, "admin", os.environ["ADMIN_PASSWORD"])
        check(page.path.startswith("/province"), "the admin lands on the province page", page)
        page.open(f"/counties/{county}")
        check("差异系数" in page.text, "the county overview shows the coefficients of variation (差异系数)", page)
        page.screenshot(os.path.join(shots, "county.png"))
        # Wide tables scroll inside their own box: no page is wider than the window.
        for path, what in [(f"/counties/{county}", "county overview"), (f"/counties/{county}/plan", "investment plan")]:
            page.open(path)
            width = page.js("document.documentElement.scrollWidth")
            check(width <= 1280, f"the {what} fits a 1280-pixel window (it is {width} pixels wide)", page)
        page.open(f"/counties/{county}/schools/{school}")
        check(school in page.text or "学校" in page.text, "the admin opens the school page", page)
        sign_out(page)
        check(page.path.startswith("/login"), "signing out returns to the sign-in page", page)

        sign_in(page, "clerk", os.environ["CLERK_PASSWORD"])
        check(page.path.startswith(f"/counties/{county}/schools/{school}"), "the clerk lands on their school", page)
        old = page.js("document.querySelector(\"[name='teaching_area']\").value")
        new = "7654.5" if old != "7654.5" else "7655.5"
        page.submit("form:has(input[name='teaching_area'])", {"teaching_area": new})
        check("已保存" in page.text, "the clerk's edit is saved", page)
        check(page.js("document.querySelector(\"[name='teaching_area']\").value") == new, "the school page shows the new value", page)
        page.screenshot(os.path.join(shots, "school.png"))
        # Issue 20 (review): the clerk's save waits for the county until submitted and approved.
        school_path = f"/counties/{county}/schools/{school}"
        check("尚未计入评估" in page.text, "the clerk is told the saved value does not count yet", page)
        page.submit(f"form[action='{school_path}/years/2025/submit']", {})
        check("已提交审核" in page.text, "the clerk submits the school's row for review", page)
        page.open(f"/counties/{county}")
        check(page.path.startswith("/counties") is False or "403" in page.text or "无权" in page.text,
              "the clerk cannot open the county overview", page)
        sign_out(page)

        sign_in(page, "planner", os.environ["PLANNER_PASSWORD"])
        page.open(f"/audit?county={county}")
        text = page.text
        check("clerk" in text and "教学及辅助用房面积" in text and new in text and old in text,
              f"the audit page shows the clerk's change {old} → {new}", page)
        page.screenshot(os.path.join(shots, "audit.png"))

        # Issue 20 (review): the planner sees the row waiting, returns it with a comment on the
        # field; the clerk corrects and submits again; the planner approves; the evaluation
        # then uses the corrected value.
        page.open(f"/counties/{county}?year=2025")
        check("所学校的填报尚未审核通过" in page.text, "the county page counts the school rows awaiting review", page)
        page.open(f"{school_path}?year=2025")
        check(page.js("document.querySelector(\"[name='teaching_area']\").value") == old,
              "before approval the county's data still hold the approved value", page)
        review = f"form[action='{school_path}/years/2025/review']"
        page.press(review, {"comment-teaching_area": "面积与校舍台账不符，请核对（浏览器测试）"}, "button[value='return']")
        check("已退回学校修改" in page.text, "the planner returns the row with a comment on the field", page)
        sign_out(page)
        sign_in(page, "clerk", os.environ["CLERK_PASSWORD"])
        page.open(f"{school_path}?year=2025")
        check("退回意见：面积与校舍台账不符，请核对（浏览器测试）" in page.text, "the clerk sees the comment beside the field", page)
        corrected = "7700.5" if new != "7700.5" else "7701.5"
        page.submit("form:has(input[name='teaching_area'])", {"teaching_area": corrected})
        page.submit(f"form[action='{school_path}/years/2025/submit']", {})
        check("已提交审核" in page.text, "the clerk corrects and submits again", page)
        sign_out(page)
        sign_in(page, "planner", os.environ["PLANNER_PASSWORD"])
        page.open(f"{school_path}?year=2025")
        page.press(review, {}, "button[value='approve']")
        check("已审核通过" in page.text, "the planner approves the row", page)
        check(page.js("document.querySelector(\"[name='teaching_area']\").value") == corrected,
              f"the approved value {corrected} is the county's data now", page)
        page.open(f"/counties/{county}?year=2025")
        check("所学校的填报尚未审核通过" not in page.text, "nothing awaits review once approved", page)

        # Issue 15: the plan page downloads its workbook, and costs the plan at the county's
        # own prices once the planner sets them.
        page.open(f"/counties/{county}/plan")
        before = page.js("document.querySelector('#summary').innerText")
        check("按默认单位成本测算" in page.text, "the plan is costed at the default prices", page)
        items = page.js("document.querySelectorAll('#items tbody tr').length")
        check(items > 0, f"the county's plan adds something ({items} items on its first page)", page)
        href = page.js("document.querySelector('#summary a.download').getAttribute('href')")
        check(href.startswith(f"/counties/{county}/plan.xlsx?year="), f"the plan page links to its workbook ({href})", page)
        download = page.download("#summary a.download", shots)
        check(download["url"].endswith(href) and download["name"].endswith("年度资源配置达标投入方案.xlsx")
              and download["size"] > 5000 and download["magic"] == b"PK",
              f"the workbook downloads under its Chinese name ({download['name']}, {download['size']} bytes)", page)
        page.open(f"/counties/{county}/costs")
        check("默认单价" in page.text, "the planner opens the unit-cost page", page)
        # Every county-wide price at twice its default (shown as the field's placeholder), the
        # teaching area with a thousands separator.
        page.ws.events.clear()
        page.js("""(() => {
            const f = document.querySelector("form[action='/counties/%s/costs']");
            for (const input of f.querySelectorAll("input[name^='cost.']")) {
                if (/^cost\\.[a-z_]+$/.test(input.name)) input.value = String(Number(input.placeholder) * 2);
            }
            f.elements['cost.teaching_area'].value = '7,000';
            f.querySelector('button[type=submit]').click();
        })()""" % county)
        page._settle()
        check("已保存 11 项单价或购置设置的修改" in page.text, "the planner's prices are saved", page)
        page.screenshot(os.path.join(shots, "costs.png"))
        page.open(f"/counties/{county}/plan")
        after = page.js("document.querySelector('#summary').innerText")
        check("按本县单位成本测算" in page.text and after != before,
              "the plan page costs the plan at the county's prices (its summary changed)", page)
        page.open(f"/audit?county={county}")
        check("修改单位成本" in page.text and "7000" in page.text, "the audit page records the price changes", page)

        # Purchase units (购置单位): floor area by 100 m², equipment in lots of 10,000 元 (a
        # full-width digit and a thousands separator, as bureaus type them); every such
        # addition of the plan becomes a multiple.
        units = {"教学及辅助用房面积": 100, "体育运动场馆面积": 100, "教学仪器设备值": 10000}
        page.open(f"/counties/{county}/costs")
        page.ws.events.clear()
        page.js("""(() => {
            const f = document.querySelector("form[action='/counties/%s/costs']");
            f.elements['purchase_unit.teaching_area'].value = '１００';
            f.elements['purchase_unit.sports_area'].value = '100';
            f.elements['purchase_unit.equipment_value'].value = '10,000';
            f.querySelector('button[type=submit]').click();
        })()""" % county)
        page._settle()
        check("已保存 3 项单价或购置设置的修改" in page.text, "the planner's purchase units are saved", page)
        page.open(f"/counties/{county}/plan")
        amounts = page.js("""(() => {
            const table = document.querySelector('#items table');
            const heads = [...table.querySelectorAll('thead th')].map(th => th.innerText.trim());
            const item = heads.indexOf('项目'), amount = heads.indexOf('数量');
            return [...table.querySelectorAll('tbody tr')].map(tr => {
                const cells = tr.querySelectorAll('td, th');
                return [cells[item].innerText.trim(), cells[amount].innerText.replace(/,/g, '')];
            });
        })()""")
        bought = [(name, float(re.match(r"\s*([\d.]+)", text).group(1))) for name, text in amounts if name in units]
        check(bought and all(abs(amount / units[name] - round(amount / units[name])) < 1e-9 for name, amount in bought),
              f"the plan adds floor area and equipment in multiples of their purchase units ({bought[:6]})", page)
        page.open(f"/audit?county={county}")
        check("教学仪器设备值（购置单位）" in page.text, "the audit page records the purchase units", page)

        # Issue 16: the planner uploads the county's residential blocks on the zones page and
        # sees the zones drawn: the plan's summary, its map and the upload in the audit trail.
        page.open(f"/counties/{county}/zones")
        check("本县尚未上传居住片区数据" in page.text, "the zones page asks for the county's blocks", page)
        page.set_file("form[action='/counties/%s/zones/data'] input[name='blocks']" % county, blocks)
        page.ws.events.clear()
        page.js("document.querySelector(\"form[action='/counties/%s/zones/data'] button[type=submit]\").click()" % county)
        page._settle()
        check("片区数据已保存" in page.text, "the blocks are stored", page)
        summary = page.js("(document.querySelector('#summary') || {innerText: ''}).innerText")
        check("学区" in summary and "下界" in summary, f"the zones page shows the plan's summary ({summary[:120]!r})", page)
        cells = page.js("document.querySelectorAll('#map svg path.zone').length")
        check(cells > 10, f"the zones page draws the map ({cells} shapes)", page)
        width = page.js("document.documentElement.scrollWidth")
        check(width <= 1280, f"the zones page fits a 1280-pixel window (it is {width} pixels wide)", page)
        page.screenshot(os.path.join(shots, "zones.png"))
        page.open(f"/audit?county={county}")
        check("片区" in page.text, "the audit page records the zoning data upload", page)

        # Issue 17: over the stored blocks the planner uploads the county's sites on the layout
        # page and sees the plan: child-km against its bound, the map, each site's class.
        page.open(f"/counties/{county}/layout")
        page.set_file("form[action='/counties/%s/layout'] input[name='sites']" % county, sites)
        page.ws.events.clear()
        page.js("""(() => {
            const f = document.querySelector("form[action='/counties/%s/layout']");
            f.elements['open'].value = '%s';
            f.querySelector('button[type=submit]').click();
        })()""" % (county, open_sites))
        page._settle()
        summary = page.js("(document.querySelector('#summary') || {innerText: ''}).innerText")
        check("下界" in summary and "最优性" in summary, f"the layout page shows the plan's summary ({summary[:160]!r})", page)
        marks = page.js("document.querySelectorAll('#map svg circle, #map svg path').length")
        check(marks > 10, f"the layout page draws the map ({marks} marks)", page)
        classes = page.js("(document.querySelector('section#sites') || {textContent: ''}).textContent")
        check("永久性保留" in classes or "过渡性保留" in classes, "the layout page classes the county's schools", page)
        width = page.js("document.documentElement.scrollWidth")
        check(width <= 1280, f"the layout page fits a 1280-pixel window (it is {width} pixels wide)", page)
        page.screenshot(os.path.join(shots, "layout.png"))

        # Issue 18: the planner shares the county's quality high schools' places among its junior
        # schools, and funds its schools within a budget.
        page.open(f"/counties/{county}/quota")
        page.set_file("form[action='/counties/%s/quota'] input[name='quota']" % county, quota)
        page.ws.events.clear()
        page.js("""(() => {
            document.querySelector("form[action='/counties/%s/quota'] button[type=submit]").click();
        })()""" % county)
        page._settle()
        summary = page.js("(document.querySelector('#summary') || {innerText: ''}).innerText")
        check("分配比例" in summary and "向农村初中倾斜" in summary, f"the quota page shows item 14's figures ({summary[:160]!r})", page)
        rows = page.js("document.querySelectorAll('section#places tbody tr').length")
        check(rows > 3, f"the quota page lists the places school by school ({rows} rows)", page)
        page.screenshot(os.path.join(shots, "quota.png"))
        page.open(f"/counties/{county}/funding")
        page.ws.events.clear()
        page.js("""(() => {
            const f = document.querySelector("form[action='/counties/%s/funding']");
            f.elements['budget'].value = '1,000,000';
            f.querySelector('button[type=submit]').click();
        })()""" % county)
        page._settle()
        summary = page.js("(document.querySelector('#summary') || {innerText: ''}).innerText")
        check("预算缺口" in summary, f"the funding page shows the budget's shortfall ({summary[:160]!r})", page)
        items = page.js("(document.querySelector('section#items') || {textContent: ''}).textContent")
        check("gov_06_small_school_funding" in items, "the funding page judges item 6 from the school data", page)
        page.screenshot(os.path.join(shots, "funding.png"))

        # Issue 19: children who need care. The planner sees the counts and rates and a masked
        # list; the care officer sees the names (each look recorded) and follows a dropout case up.
        page.open(f"/counties/{county}/care")
        summary = page.js("(document.querySelector('#summary') || {innerText: ''}).innerText")
        check("残疾儿童少年入学率" in summary and "初中三年巩固率" in summary, f"the care page shows the rates ({summary[:160]!r})", page)
        page.open(f"/counties/{county}/care/schools/{school}")
        check("已脱敏" in page.text, "the planner's list of the school's children is masked", page)
        masked = page.js("(document.querySelector('section#children tbody td') || {innerText: ''}).innerText")
        check(masked.startswith("****"), f"the planner sees ids masked ({masked!r})", page)
        sign_out(page)
        sign_in(page, "care", os.environ["CARE_PASSWORD"])
        check(page.path.startswith(f"/counties/{county}/care"), "the care officer lands on the care page", page)
        page.open(f"/counties/{county}/care/schools/{school}")
        check("本页含儿童个人信息" in page.text, "the care officer sees the school's children unmasked", page)
        child = page.js("(document.querySelector('section#children tbody td') || {innerText: ''}).innerText")
        check(len(child) > 4 and not child.startswith("****"), f"the care officer sees the full id ({child!r})", page)
        page.screenshot(os.path.join(shots, "care.png"))
        page.open(f"/counties/{county}/care/dropouts")
        page.submit(f"form[action='/counties/{county}/care/dropouts']", {
            "child_id": child, "opened": "2025-09-10", "status": "persuading", "visit_date": "2025-09-20",
            "visitor": "王老师", "outcome": "家长同意督促返校（浏览器测试）"})
        check(page.path.startswith(f"/counties/{county}/care/dropouts"), "the follow-up returns to the ledger", page)
        check("家长同意督促返校（浏览器测试）" in page.text and child in page.text, "the ledger shows the case and its visit", page)

        # Issue 20 (ledger): a gap of the evaluation becomes a ledger item with an owner and a
        # due date; it is completed with an evidence file and verified by the supervisor.
        sign_out(page)
        sign_in(page, "planner", os.environ["PLANNER_PASSWORD"])
        page.open(f"/counties/{county}/ledger?year=2025")
        check(page.js("document.querySelectorAll(\"#gaps input[name='gap']\").length") > 0, "the ledger page lists the year's gaps", page)
        page.js("document.querySelector(\"#gaps input[name='gap']\").checked = true")
        page.submit("#gaps form", {"owner": "县教体局计财股（浏览器测试）", "due": "2026-06-30"})
        check("已列入整改台账 1 项" in page.text, "a gap is put in the ledger", page)
        item = page.js("document.querySelector('#ledger tbody a').getAttribute('href')")
        page.open(item)
        page.set_file("#evidence input[name='file']", evidence)
        page.submit("#evidence form", {})
        check("佐证材料已上传" in page.text and "验收报告.pdf" in page.text, "the evidence file is uploaded", page)
        page.submit("#update form", {"status": "completed", "note": "已完成整改（浏览器测试）"})
        check("已完成" in page.text and "已完成整改（浏览器测试）" in page.text, "the planner marks the item completed", page)
        sign_out(page)
        sign_in(page, "supervisor", os.environ["SUPERVISOR_PASSWORD"])
        page.open(item)
        page.submit("#update form", {"status": "verified", "note": "现场核验属实（浏览器测试）"})
        check("已核验" in page.text and page.js("document.querySelector('#update') === null"),
              "the supervisor verifies the item, which closes it", page)
        page.screenshot(os.path.join(shots, "ledger.png"))

        # Issue 20 (publication): the planner publishes the year's report; anyone opens it
        # without signing in, and it names no child.
        sign_out(page)
        sign_in(page, "planner", os.environ["PLANNER_PASSWORD"])
        page.open(f"/counties/{county}?year=2025")
        page.submit(f"form[action='/counties/{county}/years/2025/publish']", {})
        check("已发布 2025 年度评估报告" in page.text, "the county page confirms the publication", page)
        sign_out(page)
        page.open(f"/published/{county}/2025")
        check(page.path == f"/published/{county}/2025", "the published report opens without signing in", page)
        check("督导评估报告" in page.text and "差异系数" in page.text, "the published report is the evaluation report", page)
        check(child not in page.text, "the published report names no child", page)
        page.screenshot(os.path.join(shots, "published.png"))
        print("browser flow passed")
    finally:
        chromium.terminate()
        try:
            chromium.wait(10)
        except subprocess.TimeoutExpired:
            chromium.kill()


if __name__ == "__main__":
    main()
