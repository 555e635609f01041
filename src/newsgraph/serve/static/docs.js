// The API reference, rendered offline from /openapi.json (Swagger UI would load from a CDN).
"use strict";

function node(tag, text, cls) {
  const n = document.createElement(tag);
  if (text) n.textContent = text;
  if (cls) n.className = cls;
  return n;
}

async function show() {
  const spec = await (await fetch("/openapi.json")).json();
  const box = document.getElementById("api");
  box.replaceChildren(node("p", spec.info.description || "", "muted"));
  for (const [path, methods] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const section = node("section", "", "endpoint");
      section.append(node("h2", `${method.toUpperCase()} ${path}`), node("p", op.description || op.summary || ""));
      const params = op.parameters || [];
      if (params.length) {
        const table = node("table");
        const head = node("tr");
        ["parameter", "in", "type", "limits"].forEach((h) => head.append(node("th", h)));
        table.append(head);
        for (const p of params) {
          const schema = p.schema || {};
          const types = (schema.anyOf || [schema]).map((s) => s.format || s.type).filter(Boolean).join(" | ");
          const limits = ["minimum", "maximum", "minLength", "maxLength"].filter((k) => k in schema || (schema.anyOf || []).some((s) => k in s))
            .map((k) => `${k} ${schema[k] ?? (schema.anyOf || []).find((s) => k in s)[k]}`).join(", ");
          const row = node("tr");
          [p.name + (p.required ? " *" : ""), p.in, types, limits].forEach((c) => row.append(node("td", c)));
          table.append(row);
        }
        section.append(table);
      }
      box.append(section);
    }
  }
}

document.addEventListener("DOMContentLoaded", show);
