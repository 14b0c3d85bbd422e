-- pandoc Lua filter run after --citeproc: returns {citations = {key: text}, references = {key: text}}
-- as one JSON object, each entry rendered to plain text by pandoc itself (used by csl_engine.py).
local function plain(blocks)
  return (pandoc.write(pandoc.Pandoc(blocks), "plain", {wrap_text = "wrap-none"}):gsub("%s+$", ""))
end
function Pandoc(doc)
  local out = {references = {}, citations = {}}
  for _, blk in ipairs(doc.blocks) do
    if blk.t == "Div" then
      local id = blk.identifier
      if id:sub(1, 5) == "cite-" then
        out.citations[id:sub(6)] = plain(blk.content)
      elseif id == "refs" then
        for _, r in ipairs(blk.content) do
          if r.t == "Div" and r.identifier:sub(1, 4) == "ref-" then
            out.references[r.identifier:sub(5)] = plain(r.content)
          end
        end
      end
    end
  end
  return pandoc.Pandoc({pandoc.RawBlock("plain", pandoc.json.encode(out))})
end
