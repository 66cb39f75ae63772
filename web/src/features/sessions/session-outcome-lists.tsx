import type { Session } from "../../data/sessions";

/** A completed session's topics and action items, as both the participants' record and an admin's view show them. */
export function SessionOutcomeLists({ session }: { session: Pick<Session, "topics" | "actionItems"> }) {
  return (
    <>
      {session.topics.length ? (
        <>
          <h3 className="small">Topics</h3>
          <ul>
            {session.topics.map((topic) => (
              <li key={topic}>{topic}</li>
            ))}
          </ul>
        </>
      ) : null}
      {session.actionItems.length ? (
        <>
          <h3 className="small">Action items</h3>
          <ul>
            {session.actionItems.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
