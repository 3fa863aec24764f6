"""Reading an admin form the way a browser would submit it."""

from bs4 import BeautifulSoup


def form_data(response, form_id: str | None = None) -> dict[str, str | list[str]]:
    """The values a browser would post from the page's form, unchanged."""
    soup = BeautifulSoup(response.content, "html.parser")
    # The biggest form: the admin's pages also carry a small log-out form.
    forms = [soup.find("form", id=form_id)] if form_id else soup.find_all("form", method="post")
    form = max(forms, key=lambda candidate: len(candidate.find_all(["input", "textarea"])))
    return _values(form)


def action_form_data(response, action: str, **changes) -> dict[str, str | list[str]]:
    """What the form of one action on a publishing page posts (its hidden fields included)."""
    soup = BeautifulSoup(response.content, "html.parser")
    field = soup.find("input", attrs={"name": "action", "value": action})
    assert field is not None, f"no {action} form on the page"
    return {**_values(field.find_parent("form")), **changes}


def _values(form) -> dict[str, str | list[str]]:
    data = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or field.get("type") in {"submit", "button"}:
            continue
        if field.get("type") in {"checkbox", "radio"}:
            if field.has_attr("checked"):
                data[name] = field.get("value", "on")
        elif field.name == "textarea":
            data[name] = field.text.lstrip("\n")
        elif field.name == "select" and field.has_attr("multiple"):
            chosen = field.find_all("option", selected=True)
            data[name] = [option.get("value", "") for option in chosen]
        elif field.name == "select":
            selected = field.find("option", selected=True) or field.find("option")
            data[name] = selected.get("value", "") if selected else ""
        else:
            data[name] = field.get("value", "")
    return data
