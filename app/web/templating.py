"""The page templates and the filters they share; templates and static files ship in the
package, so an installed app serves its pages with no build step and no third-party host."""

from __future__ import annotations

from pathlib import Path

from fastapi.templating import Jinja2Templates

from app.web.citation import long_date, role_text
from app.web.form import KIND_LABELS, VERIFICATION_HELP, VERIFICATION_LABELS

HERE = Path(__file__).resolve().parent
STATIC_DIR = HERE / "static"

templates = Jinja2Templates(directory=HERE / "templates")
templates.env.filters["long_date"] = long_date
templates.env.filters["role_text"] = role_text
templates.env.globals["KIND_LABELS"] = KIND_LABELS
templates.env.globals["VERIFICATION_LABELS"] = VERIFICATION_LABELS
templates.env.globals["VERIFICATION_HELP"] = VERIFICATION_HELP
templates.env.trim_blocks = True
templates.env.lstrip_blocks = True
