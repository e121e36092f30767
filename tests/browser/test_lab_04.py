"""Lesson 04 in a real browser: the checks answer blank exercises kindly, the checklist and the
1914 chain-reaction widget (now in a "Going further" section) draw and react."""

from labkit import error_outputs, expect, open_and_run_all


def test_cascade_widget_reacts_to_commitments_and_the_first_attack(lab, page):
    open_and_run_all(page, lab, "04_alliance_or_partnership.ipynb")
    nb = page.locator(".jp-NotebookPanel:visible")
    # every check of a blank exercise says what to do, never a traceback
    expect(nb.locator(".jp-OutputArea-output", has_text="Not answered yet").first).to_be_visible()
    # Figure 4.1 and Figure 4.2 are drawn (the checklist, with the 2024 treaty coded in full)
    images = nb.locator(".jp-OutputArea-output img")
    expect(images.first).to_be_visible()
    assert images.count() >= 2, "the checklist and the cascade charts are missing"
    cascade = nb.locator(".btp-cascade-explorer")
    summary = cascade.locator(".btp-summary")
    expect(summary).to_contain_text("3. Russia (step 1, via Russia")
    expect(summary).to_contain_text("5. France (step 3, via Franco-Russian Military Convention)")
    # it starts from Figure 4.2, so it names that figure instead of drawing it again
    expect(cascade.locator(".btp-chart-note", has_text="drawn in Figure 4.2 above")).to_be_visible()
    expect(cascade.locator(".btp-chart")).to_be_hidden()

    # switch off Russia's promise to Serbia: the war stays between Austria-Hungary and Serbia
    checkbox = cascade.locator(".widget-checkbox", has_text="Russia's promise to Serbia")
    pledge = checkbox.locator("input")
    pledge.click()
    expect(summary).to_contain_text("Stayed out: Belgium, Britain, France, Germany")
    expect(summary).not_to_contain_text("3. Russia")
    chart = cascade.locator(".btp-chart")
    expect(chart).to_be_visible()
    box = chart.bounding_box()
    assert box is not None and box["width"] > 300, "the cascade chart is missing or too small"
    pledge.click()
    expect(summary).to_contain_text("3. Russia (step 1")

    # Germany invades Belgium: the 1839 guarantors come in at step 1
    attacker = cascade.locator(".widget-dropdown", has_text="First attacker").locator("select")
    target = cascade.locator(".widget-dropdown", has_text="attacks:").locator("select")
    attacker.select_option(label="Germany (DEU)")
    target.select_option(label="Belgium (BEL)")
    expect(summary).to_contain_text("1. Germany (first attack)")
    expect(summary).to_contain_text("Britain (step 1, via Treaty of London (Belgian neutrality))")

    # a state attacking itself gets a friendly message, not a traceback
    target.select_option(label="Germany (DEU)")
    expect(summary).to_contain_text("Pick two different states")
    assert error_outputs(page) == []
