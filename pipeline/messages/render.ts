import type { Problem } from "../rules/problem.ts";
import { en } from "./en.ts";
import { zh } from "./zh.ts";

export interface RenderedProblem extends Problem {
  message_zh: string;
  message_en: string;
}

export function render(problem: Problem): RenderedProblem {
  const detail = problem.detail ?? {};
  return { ...problem, message_zh: zh[problem.code](detail, problem), message_en: en[problem.code](detail, problem) };
}
