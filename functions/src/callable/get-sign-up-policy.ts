import { defineCallable } from "../lib/callable.js";
import { allowedEmailDomains } from "../lib/config.js";

/** Public: which email domains may sign up, so the form can say so before an account is made. */
export const getSignUpPolicy = defineCallable("getSignUpPolicy", async () => ({ domains: allowedEmailDomains() }));
