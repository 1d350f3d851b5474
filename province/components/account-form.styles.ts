import { css } from 'lit';

/** The province's single centred forms of an account (sign-in, choosing a new password): their title and button. */
export const accountFormStyles = css`
  h2 {
    font-size: 1.4rem;
    margin: 0.5rem 0;
  }
  button {
    min-height: 48px;
  }
`;
