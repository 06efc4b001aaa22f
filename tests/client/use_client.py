"""An integrator's first calls through the client generated from openapi/v1.json, run in the venv it is installed
in: walk the orders by cursor, fetch one order with its obligations, search provisions, and ask for an order that
does not exist. Prints what it got, with the Python types the client gave it, as JSON."""

import json
import sys

from eokb_client import Client
from eokb_client.api.orders import get_order, list_orders
from eokb_client.api.provisions import list_provisions
from eokb_client.models import OrderDetail, OrderInclude, OrderSort, PageOrder, PageProvision, Problem
from eokb_client.types import UNSET


def main(base_url: str, eo_number: int, q: str, limit: int) -> None:
    client = Client(base_url=base_url, raise_on_unexpected_status=True)

    walked, cursor, pages = [], UNSET, 0
    while True:
        page = list_orders.sync(client=client, limit=limit, cursor=cursor, sort=OrderSort.SIGNING_DATE_DESC)
        assert isinstance(page, PageOrder), page
        walked += [order.eo_number for order in page.data]
        pages += 1
        if not page.meta.next_cursor:
            break
        cursor = page.meta.next_cursor

    order = get_order.sync(eo_number, client=client, include=[OrderInclude.OBLIGATIONS])
    assert isinstance(order, OrderDetail), order
    obligations = order.obligations or []
    dated = [o for o in obligations if o.deadline and o.deadline.due_date]

    found = list_provisions.sync(client=client, q=q)
    assert isinstance(found, PageProvision), found

    missing = get_order.sync(99999, client=client)
    assert isinstance(missing, Problem), missing

    print(
        json.dumps(
            {
                "walked": walked,
                "pages": pages,
                "title": order.title,
                "signing_date_type": type(order.signing_date).__name__,
                "status_type": type(order.status).__name__,
                "obligations": [o.id for o in obligations],
                "due_dates": {o.id: o.deadline.due_date.isoformat() for o in dated},
                "modal_types": sorted({type(o.modal).__name__ for o in obligations}),
                "found": [p.id for p in found.data],
                "found_total": found.meta.total,
                "highlights": [p.highlight for p in found.data],
                "missing": {"status": missing.status, "type": missing.type_},
            }
        )
    )


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4]))
