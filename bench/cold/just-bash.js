// Cold start of just-bash: import it, build a shell (in-memory filesystem), run `echo hi`.
import { Bash } from "just-bash"

const bash = new Bash()
const result = await bash.exec("echo hi")
process.stdout.write(result.stdout)
