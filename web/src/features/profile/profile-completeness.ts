import type { ProfileFields, Role } from "@mentormatch/shared";

export interface CompletenessItem {
  key: string;
  label: string;
  done: boolean;
}

/**
 * What makes a profile useful to the other side: mentors are found by expertise, mentees are matched on their goals.
 * The avatar is left out on purpose: initials are a fine default and nobody should feel pushed to upload a photo.
 */
export function profileChecklist(profile: Pick<ProfileFields, "title" | "department" | "bio" | "expertise" | "learningGoals">, role: Role | null): CompletenessItem[] {
  const items: CompletenessItem[] = [
    { key: "title", label: "Add your job title", done: profile.title.trim() !== "" },
    { key: "department", label: "Choose your department", done: profile.department !== "" },
    { key: "bio", label: "Write a short bio", done: profile.bio.trim().length >= 20 },
  ];
  if (role === "mentor") items.push({ key: "expertise", label: "List your areas of expertise", done: profile.expertise.length > 0 });
  if (role === "mentee") items.push({ key: "learningGoals", label: "Add a learning goal", done: profile.learningGoals.length > 0 });
  return items;
}

export function completenessPercent(items: CompletenessItem[]): number {
  if (items.length === 0) return 100;
  return Math.round((items.filter((item) => item.done).length / items.length) * 100);
}
