"""Prints the ceiling comparison from the JSON the ceiling runs left: chat messages delivered per second per rate
(armistice: received minus the sender's acks)."""
import json, sys, os

out, rates = sys.argv[1], sys.argv[2:]
print("| chat in/s | lws-mirror delivered/s | p99 ms | server CPU % | armistice delivered/s | p99 ms | server CPU % | ratio |")
print("|---:|---:|---:|---:|---:|---:|---:|---:|")
best = {"lws-mirror": 0.0, "armistice": 0.0}
for rate in rates:
    row = [rate]
    got = {}
    for target in ("mirror", "armistice"):
        path = os.path.join(out, f"ceiling-{target}-{rate}.json")
        with open(path) as f:
            r = json.load(f)
        m = r["messages"]
        delivered = m["generator_received_per_second"]
        if target == "armistice":
            # Each chat message is also acknowledged to its sender: count chat deliveries only.
            delivered -= m["generator_sent_per_second"]
        lat = r["latency"]["chat_to_last_room_member"]
        cpu = (r.get("server") or {}).get("cpu", {}).get("percent_of_one_core")
        got[target] = delivered
        best["lws-mirror" if target == "mirror" else "armistice"] = max(best["lws-mirror" if target == "mirror" else "armistice"], delivered)
        row += [f"{delivered:.0f}", f"{lat.get('p99') or float('nan'):.1f}", f"{cpu:.0f}" if cpu is not None else "-"]
    row.append(f"{got['armistice'] / got['mirror'] * 100:.0f}%" if got["mirror"] else "-")
    print("| " + " | ".join(row) + " |")
if best["lws-mirror"]:
    print(f"\nbest delivered/s: lws-mirror {best['lws-mirror']:.0f}, armistice {best['armistice']:.0f} "
          f"({best['armistice'] / best['lws-mirror'] * 100:.0f}% of the ceiling; target 70%)")
