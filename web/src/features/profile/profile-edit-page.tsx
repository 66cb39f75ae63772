import { zodResolver } from "@hookform/resolvers/zod";
import {
  DEPARTMENTS,
  LIMITS,
  normalizeTag,
  profileFieldsSchema,
  type ProfileFields,
  type ProfileFieldsInput,
  type Role,
} from "@mentormatch/shared";
import { useMemo, type ComponentProps } from "react";
import { Controller, useForm, useWatch, type Control, type FieldError } from "react-hook-form";
import toast from "react-hot-toast";
import { Link } from "react-router-dom";
import { useAuth } from "../../app/auth-context";
import { useSessionData } from "../../app/session-data";
import { Avatar } from "../../components/avatar";
import { FormField, type FieldControlProps } from "../../components/form-field";
import { PageLoader } from "../../components/page-loader";
import { TimeZoneSelect } from "../../components/time-zone-select";
import { ErrorState } from "../../components/states";
import { TagInput } from "../../components/tag-input";
import { usePageTitle } from "../../components/use-page-title";
import { updateProfileFields, type Profile } from "../../data/profiles";
import { errorMessage } from "../../lib/error-message";
import { browserTimeZone, supportedTimeZones, timeZoneOptions } from "../auth/time-zones";
import { changedProfileFields, profileSaveError } from "./profile-changes";
import { completenessPercent, profileChecklist } from "./profile-completeness";

export function ProfileEditPage() {
  usePageTitle("Your profile");
  const { role } = useAuth();
  const { profile, profileLoading, profileError } = useSessionData();
  if (profileLoading) return <PageLoader label="Loading your profile" />;
  if (profileError) return <ErrorState message={errorMessage({ code: "unavailable" })} onRetry={() => location.reload()} />;
  if (!profile)
    return (
      <section className="page narrow">
        <h1>Your profile</h1>
        <p className="muted" role="status">
          Your profile is still being set up. It will appear here in a moment.
        </p>
      </section>
    );
  // A role change (an admin's, arriving live) brings other fields and values, e.g. a new mentor's capacity: start the
  // form again from the stored profile rather than keep defaults from before.
  return <ProfileForm key={`${profile.uid}:${role}`} profile={profile} role={role} />;
}

/** An array field's message: the array's own (too many) or its first item's (one too long). */
function arrayError(error: unknown): string | undefined {
  if (!error) return undefined;
  const direct = (error as FieldError).message;
  if (direct) return direct;
  if (Array.isArray(error)) return (error.find((item) => item?.message) as FieldError | undefined)?.message;
  return (error as { root?: FieldError }).root?.message;
}

/** A list field of the profile form as chips: react-hook-form owns the value, TagInput the typing. */
function TagsField({
  control,
  name,
  fieldProps,
  ...options
}: {
  control: Control<ProfileFieldsInput, unknown, ProfileFields>;
  name: "expertise" | "learningGoals";
  fieldProps: FieldControlProps;
} & Pick<ComponentProps<typeof TagInput>, "normalize" | "splitOnComma" | "itemLabel" | "placeholder">) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <TagInput
          id={fieldProps.id}
          describedBy={fieldProps["aria-describedby"]}
          invalid={fieldProps["aria-invalid"]}
          value={field.value}
          onChange={field.onChange}
          onBlur={field.onBlur}
          {...options}
        />
      )}
    />
  );
}

function pickFields(profile: Profile): ProfileFields {
  const { displayName, title, department, expertise, learningGoals, bio, avatarUrl, timezone, capacity, acceptingRequests } = profile;
  return { displayName, title, department, expertise, learningGoals, bio, avatarUrl, timezone: timezone || browserTimeZone(), capacity, acceptingRequests };
}

function ProfileForm({ profile, role }: { profile: Profile; role: Role | null }) {
  const initial = useMemo(() => pickFields(profile), [profile]);
  // Only zones the rules accept: a browser's Intl list can hold names the shared IANA list (and so the rules) lacks.
  const zones = useMemo(() => timeZoneOptions(initial.timezone, supportedTimeZones()), [initial.timezone]);
  const {
    register,
    control,
    handleSubmit,
    reset,
    setError,
    clearErrors,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<ProfileFieldsInput, unknown, ProfileFields>({ resolver: zodResolver(profileFieldsSchema), defaultValues: initial });
  const [displayName, avatarUrl, bio, title, department, expertise, learningGoals] = useWatch({
    control,
    name: ["displayName", "avatarUrl", "bio", "title", "department", "expertise", "learningGoals"],
  });
  const checklist = profileChecklist({ title, department: department as ProfileFields["department"], bio, expertise, learningGoals }, role);
  const percent = completenessPercent(checklist);
  const isMentor = role === "mentor";
  const isMentee = role === "mentee";

  // `values` is profileFieldsSchema's output: names trimmed, tags lower-case and de-duplicated. That, not what was
  // typed, is what gets written and what the form shows after saving.
  const onSubmit = handleSubmit(async (values) => {
    clearErrors("root.server");
    const changes = changedProfileFields(initial, values);
    if (Object.keys(changes).length === 0) {
      reset(values);
      toast("No changes to save.");
      return;
    }
    const saving = toast.loading("Saving your profile…");
    try {
      await updateProfileFields(profile.uid, changes);
      toast.success("Profile saved.", { id: saving });
      reset(values);
    } catch (error) {
      // The message stays beside the Save button (and is announced); the form keeps the edits for a retry.
      toast.dismiss(saving);
      setError("root.server", { type: "server", message: profileSaveError(error) });
    }
  });

  return (
    <section className="page" aria-labelledby="profile-title">
      <div className="page-head">
        <div>
          <h1 id="profile-title">Your profile</h1>
          <p className="muted">
            {isMentor ? "Mentees find you in the directory by your name, department and expertise." : "Mentors see this when you reach out to them."}
          </p>
        </div>
        {role === "mentor" ? (
          <Link to={`/mentors/${profile.uid}`} className="btn btn-ghost">
            View public profile
          </Link>
        ) : null}
      </div>

      <div className="profile-layout">
        <form onSubmit={onSubmit} noValidate className="form card" aria-describedby="profile-required">
          <p id="profile-required" className="sr-only">
            Only your name and time zone are required.
          </p>
          <div className="avatar-preview">
            <Avatar name={displayName || profile.displayName} url={errors.avatarUrl ? "" : avatarUrl} size="lg" />
            <div className="grow">
              <FormField label="Photo link" optional hint="An https:// link to a square image. Leave empty to show your initials." error={errors.avatarUrl?.message}>
                {(props) => <input {...props} type="url" inputMode="url" placeholder="https://…" {...register("avatarUrl")} />}
              </FormField>
            </div>
          </div>
          <FormField label="Full name" error={errors.displayName?.message}>
            {(props) => <input {...props} type="text" autoComplete="name" maxLength={LIMITS.displayName + 20} {...register("displayName")} />}
          </FormField>
          <div className="field-row">
            <FormField label="Job title" optional error={errors.title?.message}>
              {(props) => <input {...props} type="text" autoComplete="organization-title" placeholder="e.g. Product Designer" {...register("title")} />}
            </FormField>
            <FormField label="Department" optional error={errors.department?.message}>
              {(props) => (
                <select {...props} {...register("department")}>
                  <option value="">Not set</option>
                  {DEPARTMENTS.map((name) => (
                    <option key={name} value={name}>
                      {name}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
          </div>
          <FormField
            label={isMentor ? "Areas of expertise" : "Skills and interests"}
            optional
            hint={`Press Enter or type a comma after each one. Up to ${LIMITS.expertiseCount}.`}
            error={arrayError(errors.expertise)}
          >
            {(props) => (
              <TagsField control={control} name="expertise" fieldProps={props} normalize={normalizeTag} itemLabel="expertise" placeholder="e.g. react, system design" />
            )}
          </FormField>
          {isMentee ? (
            <FormField label="Learning goals" optional hint={`Press Enter after each goal. Up to ${LIMITS.learningGoalsCount}.`} error={arrayError(errors.learningGoals)}>
              {(props) => (
                <TagsField
                  control={control}
                  name="learningGoals"
                  fieldProps={props}
                  normalize={(text) => text.trim().replace(/\s+/g, " ")}
                  splitOnComma={false}
                  itemLabel="learning goal"
                  placeholder="e.g. Lead my first project"
                />
              )}
            </FormField>
          ) : null}
          <FormField label="Bio" optional hint={`${bio.length} / ${LIMITS.bio} characters`} error={errors.bio?.message}>
            {(props) => <textarea {...props} rows={5} placeholder="A few sentences about your work and what you'd like from mentoring." {...register("bio")} />}
          </FormField>
          <FormField label="Time zone" error={errors.timezone?.message}>
            {(props) => <TimeZoneSelect {...props} zones={zones} {...register("timezone")} />}
          </FormField>
          {isMentor ? (
            <fieldset className="fieldset">
              <legend>Mentoring</legend>
              <FormField label="Capacity" hint={`How many mentees you can take on at once (0–${LIMITS.capacityMax}).`} error={errors.capacity?.message}>
                {(props) => (
                  <input
                    {...props}
                    type="number"
                    min={0}
                    max={LIMITS.capacityMax}
                    step={1}
                    inputMode="numeric"
                    className="input-narrow"
                    {...register("capacity", { setValueAs: (value) => (value === "" ? Number.NaN : Number(value)) })}
                  />
                )}
              </FormField>
              <label className="switch-row">
                <input type="checkbox" role="switch" {...register("acceptingRequests")} />
                <span>
                  <span className="switch-title">Accepting new mentoring requests</span>
                  <span className="field-hint">Turn off to stay in the directory without receiving requests.</span>
                </span>
              </label>
            </fieldset>
          ) : null}
          {errors.root?.server ? (
            <p className="form-error" role="alert" data-testid="profile-save-error">
              {errors.root.server.message}
            </p>
          ) : null}
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
              {isSubmitting ? "Saving…" : "Save profile"}
            </button>
            {isDirty ? <span className="muted">You have unsaved changes.</span> : null}
          </div>
        </form>

        <aside className="card completeness" aria-labelledby="completeness-title">
          <h2 id="completeness-title">Profile {percent}% complete</h2>
          <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-labelledby="completeness-title">
            <span style={{ width: `${percent}%` }} />
          </div>
          <ul className="checklist">
            {checklist.map((item) => (
              <li key={item.key} className={item.done ? "done" : ""}>
                <span aria-hidden="true">{item.done ? "✓" : "○"}</span> {item.label}
                <span className="sr-only">{item.done ? " (done)" : " (to do)"}</span>
              </li>
            ))}
          </ul>
        </aside>
      </div>
    </section>
  );
}
