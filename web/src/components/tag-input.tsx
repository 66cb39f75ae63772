import { useState, type KeyboardEvent } from "react";

/**
 * Chips plus a text box. Enter (and, when `splitOnComma`, a comma) turns the typed text into a chip; leaving the box
 * keeps what was typed, so "Save" never silently drops a half-entered tag.
 */
export function TagInput({
  id,
  value,
  onChange,
  normalize,
  splitOnComma = true,
  placeholder,
  describedBy,
  invalid,
  itemLabel,
  onBlur,
}: {
  id: string;
  value: string[];
  onChange: (next: string[]) => void;
  normalize: (text: string) => string;
  splitOnComma?: boolean;
  placeholder?: string;
  describedBy?: string;
  invalid?: boolean;
  /** Used in "Remove {itemLabel} …" button labels. */
  itemLabel: string;
  onBlur?: () => void;
}) {
  const [draft, setDraft] = useState("");

  function commit(text: string) {
    const parts = (splitOnComma ? text.split(",") : [text]).map(normalize).filter(Boolean);
    const next = [...value];
    for (const part of parts) if (!next.includes(part)) next.push(part);
    if (next.length !== value.length) onChange(next);
    setDraft("");
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "Enter") {
      // Enter adds a tag; it must not submit the whole form half-way through typing.
      event.preventDefault();
      commit(draft);
    } else if (event.key === "Backspace" && draft === "" && value.length > 0) {
      onChange(value.slice(0, -1));
    }
  }

  return (
    <div className={`tag-input${invalid ? " is-invalid" : ""}`}>
      {value.length > 0 ? (
        <ul className="chips" aria-label={`${itemLabel} list`}>
          {value.map((tag) => (
            <li key={tag} className="chip">
              <span>{tag}</span>
              <button type="button" className="chip-remove" aria-label={`Remove ${itemLabel} ${tag}`} onClick={() => onChange(value.filter((t) => t !== tag))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <input
        id={id}
        type="text"
        value={draft}
        placeholder={placeholder}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        onChange={(event) => {
          const text = event.target.value;
          if (splitOnComma && text.includes(",")) commit(text);
          else setDraft(text);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          if (draft.trim()) commit(draft);
          onBlur?.();
        }}
      />
    </div>
  );
}
