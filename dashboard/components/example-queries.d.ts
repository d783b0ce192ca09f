// Types of example-queries.js for the tests (the dashboard itself runs the plain JavaScript).
export const EXAMPLE_QUERIES: { title: string; sql: string }[];
