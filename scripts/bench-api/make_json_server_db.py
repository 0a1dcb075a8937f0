#!/usr/bin/env python3
"""Writes a json-server db.json with N tickets shaped like Aftercare's (for the comparison run)."""
import json
import sys

n = int(sys.argv[1])
out = sys.argv[2]
with open(out, "w", encoding="utf-8") as f:
    f.write('{"tickets":[')
    for i in range(1, n + 1):
        ticket = {
            "id": i,
            "service_number": f"R{i:011d}",
            "kind": "repair",
            "priority": "general",
            "state": "closed" if i % 10 else "submitted",
            "customer": {"name": f"客户{i}", "phone": f"+86138{10000000 + i % 89999999}"},
            "product": {"model": "KF-200", "serial": ""},
            "subject": f"报修 #{i}",
            "description": "基准测试生成的工单，用于测量查询与排队性能。",
            "timeline": [{"sequence": 1, "type": "created", "at": 1700000000 + i}],
        }
        if i > 1:
            f.write(",")
        f.write(json.dumps(ticket, ensure_ascii=False))
    f.write("]}")
