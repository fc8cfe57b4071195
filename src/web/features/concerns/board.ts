import type { ProgrammeConcerns } from '../../../contract/concerns.ts';

/** What each part of the programme's concerns page is given: the board, and where a changed one goes. */
export interface BoardProps {
  board: ProgrammeConcerns;
  onBoard(b: ProgrammeConcerns): void;
}
