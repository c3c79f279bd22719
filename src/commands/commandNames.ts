/**
 * The ribbon's function names: manifest.xml's <FunctionName> must be one of these (a test
 * checks it against the names registered with Office.actions.associate).
 */
export const SCORE_FUNCTION = 'scoreActiveSheet';

/** What the notice dialog sends its opener when the user closes it. */
export const CLOSE_MESSAGE = 'close';
