// Array parameter declarators: qualifiers and `static` inside the brackets, `[*]` in prototypes, and
// abstract declarators such as `int ([4])`, each adjusted to a pointer as gcc does.
import { describeSpecProgram } from './spec-program.js';

describeSpecProgram('declarators.c', 'array parameter declarators');
