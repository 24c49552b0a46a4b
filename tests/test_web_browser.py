"""The page in a real browser: headless Debian Chromium driven by selenium (skipped where Chromium,
chromedriver or selenium is missing; .ci/run installs them)."""
from __future__ import annotations

import shutil
import subprocess
import sys
import os
import time
from pathlib import Path

import pytest

pytest.importorskip("starlette")
webdriver = pytest.importorskip("selenium.webdriver")

from selenium.common.exceptions import NoAlertPresentException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402

from lkjip_xl.reader import read_workbook  # noqa: E402
from web_live import LiveServer  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "medan_amplas_2023.xlsx"
KAMPAI = ROOT / "samples" / "medang_kampai_2023.xlsx"
BAD = ROOT / "tests" / "bad_inputs"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"

pytestmark = pytest.mark.skipif(not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()),
                                reason="Chromium and chromedriver are not installed")


@pytest.fixture(scope="module")
def live():
    with LiveServer() as server:
        yield server


@pytest.fixture
def browser(tmp_path):
    from selenium.webdriver.chrome.service import Service

    downloads = tmp_path / "unduhan"
    downloads.mkdir()
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 f"--user-data-dir={tmp_path / 'profil'}", "--window-size=1280,1600"):
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                              "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    driver.set_page_load_timeout(120)
    driver.downloads = downloads
    yield driver
    driver.quit()


def _wait_download(folder: Path, suffix: str, timeout: float = 60) -> Path:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done = [p for p in folder.iterdir() if p.suffix == suffix]
        if done and not any(p.suffix == ".crdownload" for p in folder.iterdir()):
            return done[0]
        time.sleep(0.2)
    raise AssertionError(f"no {suffix} downloaded: {list(folder.iterdir())}")


def _upload(browser, path: Path) -> None:
    """Choose the file, press Periksa, and wait for the result page or the page with the reason."""
    from selenium.webdriver.support.ui import WebDriverWait

    browser.find_element(By.ID, "berkas").send_keys(str(path))
    browser.find_element(By.ID, "check-button").click()
    WebDriverWait(browser, 180).until(lambda d: "/hasil/" in d.current_url or d.find_elements(By.ID, "reason"))


def _cells(browser) -> set[tuple[str, str]]:
    return {(r.get_attribute("data-code"), r.get_attribute("data-cell"))
            for r in browser.find_elements(By.CSS_SELECTOR, "tr[data-code]")}


def test_template_download(live, browser):
    browser.get(live.url + "/")
    browser.find_element(By.ID, "unit").send_keys("Kecamatan Medan Amplas")
    browser.find_element(By.ID, "kabupaten_kota").send_keys("Kota Medan")
    browser.find_element(By.ID, "tahun").send_keys("2024")
    browser.find_element(By.ID, "template-button").click()
    path = _wait_download(browser.downloads, ".xlsx")
    assert path.name == "lkjip_Kecamatan_Medan_Amplas_2024.xlsx"
    ident = read_workbook(path)[0].form("identitas").values
    assert (ident["unit"], ident["kabupaten_kota"], ident["tahun"]) == ("Kecamatan Medan Amplas", "Kota Medan", 2024)


def test_sample_findings_annotated_copy_and_language_switch(live, browser, tmp_path):
    import openpyxl

    browser.get(live.url + "/")
    _upload(browser, SAMPLE)
    assert "/hasil/" in browser.current_url
    cells = _cells(browser)
    assert ("KIN013", "PK!J6") in cells and ("KIN010", "Realisasi!H13") in cells
    assert "5 kesalahan" in browser.find_element(By.ID, "summary").text
    assert browser.find_element(By.ID, "ikm").text == "86,89"
    browser.save_screenshot(str(tmp_path / "hasil.png"))
    browser.find_element(By.ID, "dl-salinan-bertanda").click()
    path = _wait_download(browser.downloads, ".xlsx")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[0] == "Temuan"
    temuan = {(r[3], f"{r[1]}!{r[2]}") for r in wb["Temuan"].iter_rows(min_row=2, values_only=True)}
    assert temuan == cells
    browser.find_element(By.ID, "lang-switch").click()
    assert "Check result" in browser.page_source and "5 errors" in browser.find_element(By.ID, "summary").text
    assert _cells(browser) == cells


def test_hostile_file_shows_the_command_lines_reason(live, browser):
    browser.get(live.url + "/")
    _upload(browser, BAD / "zip_bomb.xlsx")
    shown = browser.find_element(By.ID, "reason").text
    cli = subprocess.run([sys.executable, "-m", "lkjip_xl", "check", "zip_bomb.xlsx"], cwd=BAD, capture_output=True,
                         text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert shown == cli.stderr.strip().removeprefix("lkjip-xl: ")
    browser.get(live.url + "/")  # and the server goes on
    assert browser.find_element(By.ID, "berkas")


def test_script_in_a_workbook_is_shown_as_text_and_never_run(live, browser, write, data):
    title = "lkjip-xl — pemeriksa buku kerja LKjIP"
    rows = data["tables"]["realisasi"]
    rows[2]["uraian"] = "<script>document.title='XSS';window.__xss=1;alert(1)</script>"
    rows[2]["pagu_murni"] = "<img src=x onerror=\"window.__xss=2;alert(2)\">"
    browser.get(live.url + "/")
    _upload(browser, write(data))
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text
    assert browser.title == title
    assert browser.execute_script("return window.__xss === undefined")
    text = browser.find_element(By.ID, "findings").text
    assert "<script>document.title='XSS';window.__xss=1;alert(1)</script>" in text
    assert "<img src=x onerror=" in text
    assert not browser.find_elements(By.CSS_SELECTOR, "#findings script, #findings img")


def test_several_workbooks_at_once_give_the_rekap(live, browser, write, data, tmp_path):
    """Choose the samples, a unit with respondents and a broken file in one go (the plain multiple
    file input): one line per file, the kota IKM, and the rekap workbook downloaded."""
    import openpyxl
    from selenium.webdriver.support.ui import WebDriverWait

    samples = sorted((ROOT / "samples").glob("*.xlsx"))
    contoh = write(data, "contoh.xlsx")
    paths = [*samples, contoh, BAD / "random_bytes.xlsx"]
    browser.get(live.url + "/")
    browser.find_element(By.ID, "berkas").send_keys("\n".join(str(p) for p in paths))
    browser.find_element(By.ID, "check-button").click()
    WebDriverWait(browser, 300).until(lambda d: "/hasil/" in d.current_url)
    rows = browser.find_elements(By.CSS_SELECTOR, "tr.file")
    assert [r.find_element(By.CSS_SELECTOR, ".file-name").text for r in rows] == [p.name for p in paths]
    broken = rows[-1]
    assert broken.get_attribute("data-status") == "unreadable"
    assert "bukan berkas Excel .xlsx: random_bytes.xlsx (bukan arsip zip)" in broken.text
    kota = browser.find_element(By.CSS_SELECTOR, 'tr[data-kota="Kota Contoh|2024"]')
    assert kota.find_element(By.CSS_SELECTOR, ".pooled").text == "86,94 (B)"  # valid_workbook.SKM_IKM
    assert kota.find_element(By.CSS_SELECTOR, ".mean").text == "86,94 (B)"
    kampai = browser.find_element(By.CSS_SELECTOR, 'tr.unit-findings[data-file="medang_kampai_2023.xlsx"]')
    first = kampai.find_element(By.CSS_SELECTOR, "tr.error")
    assert not first.is_displayed()  # folded until asked for
    kampai.find_element(By.TAG_NAME, "summary").click()
    assert first.is_displayed() and "!" in first.find_element(By.CSS_SELECTOR, "td.cell").text
    browser.save_screenshot(str(tmp_path / "rekap.png"))
    browser.find_element(By.ID, "dl-rekap").click()
    path = _wait_download(browser.downloads, ".xlsx")
    assert path.name == "rekap.xlsx"
    units = {r[1] for r in openpyxl.load_workbook(path)["Unit"].iter_rows(values_only=True) if r and isinstance(r[0], int)}
    assert units == {"Kecamatan Medan Amplas", "Kecamatan Medan Baru", "Kecamatan Medang Kampai", "Kecamatan Contoh"}


@pytest.mark.parametrize("width", [360, 1024])
def test_a_phone_or_a_small_laptop_reads_the_findings_and_the_rekap_without_scrolling_sideways(live, browser, width,
                                                                                                tmp_path):
    """On a 360 px phone the six columns left the message a few letters wide and pushed 'Tertulis' off
    the screen: each finding (and each file of a rekap) is one block there, its message as wide as
    the card, its numbers labelled."""
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": width, "height": 740, "deviceScaleFactor": 1, "mobile": width < 500})
    browser.get(live.url + "/")
    _upload(browser, KAMPAI)
    wide = "return [document.documentElement.scrollWidth, window.innerWidth]"
    assert browser.execute_script(wide)[0] <= browser.execute_script(wide)[1]
    card = browser.find_element(By.ID, "findings").size["width"]
    message = browser.find_element(By.CSS_SELECTOR, "#findings td.message").size["width"]
    assert message > (0.8 if width < 500 else 0.3) * card
    found = browser.find_element(By.CSS_SELECTOR, '#findings tr[data-cell="PK!K5"] td.num[data-label="Tertulis"]')
    assert found.is_displayed() and found.location["x"] + found.size["width"] <= width
    browser.save_screenshot(str(tmp_path / f"temuan-{width}.png"))
    browser.get(live.url + "/")
    browser.find_element(By.ID, "berkas").send_keys("\n".join(str(p) for p in (SAMPLE, KAMPAI)))
    browser.find_element(By.ID, "check-button").click()
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(browser, 300).until(lambda d: "/hasil/" in d.current_url)
    assert browser.execute_script(wide)[0] <= browser.execute_script(wide)[1]


def test_last_years_workbook_is_chosen_in_its_own_field(live, browser, tmp_path):
    """The optional field beside the upload: last year's workbook chosen there, then this year's,
    and the result page says what it was compared with (the screenshots are looked at by a person)."""
    browser.get(live.url + "/?lang=en")
    field = browser.find_element(By.ID, "tahun_lalu")
    assert "Last year's workbook" in browser.find_element(By.CSS_SELECTOR, "label.tahun-lalu").text
    browser.save_screenshot(str(tmp_path / "index.png"))
    field.send_keys(str(ROOT / "samples" / "medan_amplas_2022.xlsx"))
    _upload(browser, SAMPLE)
    assert "medan_amplas_2022.xlsx" in browser.find_element(By.ID, "compared-with").text
    browser.save_screenshot(str(tmp_path / "result.png"))


def _drop(browser, path: Path) -> None:
    """Drop a file on the upload box as a file manager does (its bytes, under its name)."""
    import base64

    browser.execute_script("""
        var bytes = Uint8Array.from(atob(arguments[0]), function (c) { return c.charCodeAt(0); });
        var dt = new DataTransfer();
        dt.items.add(new File([bytes], arguments[1]));
        document.getElementById("drop").dispatchEvent(
            new DragEvent("drop", {dataTransfer: dt, bubbles: true, cancelable: true}));
    """, base64.b64encode(path.read_bytes()).decode(), path.name)


@pytest.mark.parametrize("lang, chosen", [
    ("id", "Dipilih: medan_amplas_2023.xlsx. Tekan Periksa (tambahkan dulu buku kerja tahun lalu bila perlu)."),
    ("en", "Chosen: medan_amplas_2023.xlsx. Press Check (add last year's workbook first if you want it).")])
def test_a_dropped_workbook_waits_for_the_button_so_last_year_s_can_be_added_after(live, browser, tmp_path, lang,
                                                                                  chosen):
    """Dropping this year's workbook sent the form at once: last year's had to be chosen first.
    Now the drop chooses it, the page says so, and last year's can still be added before Check."""
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(live.url + f"/?lang={lang}")
    _drop(browser, SAMPLE)
    time.sleep(1)
    assert "/hasil/" not in browser.current_url
    assert browser.find_element(By.ID, "status").text == chosen
    browser.save_screenshot(str(tmp_path / f"dropped-{lang}.png"))
    browser.find_element(By.ID, "tahun_lalu").send_keys(str(ROOT / "samples" / "medan_amplas_2022.xlsx"))
    browser.find_element(By.ID, "check-button").click()
    WebDriverWait(browser, 180).until(lambda d: "/hasil/" in d.current_url)
    assert "medan_amplas_2022.xlsx" in browser.find_element(By.ID, "compared-with").text
