# trap EXIT and ERR.

#### EXIT trap runs at the end
trap 'echo bye' EXIT
echo hello
## STDOUT:
hello
bye
## END

#### EXIT trap runs on exit with the status
trap 'echo "exiting $?"' EXIT
exit 3
## stdout: exiting 3
## status: 3

#### EXIT trap with errexit
set -e
trap 'echo cleanup' EXIT
false
echo never
## stdout: cleanup
## status: 1

#### EXIT trap can be replaced
trap 'echo first' EXIT
trap 'echo second' EXIT
## stdout: second

#### EXIT trap can be removed
trap 'echo never' EXIT
trap - EXIT
echo done
## stdout: done

#### EXIT trap in a subshell
( trap 'echo sub-exit' EXIT; echo in-sub )
echo after
## STDOUT:
in-sub
sub-exit
after
## END

#### EXIT trap number zero
trap 'echo zero' 0
## stdout: zero

#### ERR trap on a failing command
trap 'echo "err trapped $?"' ERR
false
echo continues
## STDOUT:
err trapped 1
continues
## END

#### ERR trap not run for conditions
trap 'echo trapped' ERR
if false; then :; fi
false || true
echo done
## stdout: done

#### ERR trap with errexit runs before exit
set -e
trap 'echo on-err' ERR
trap 'echo on-exit' EXIT
false
## STDOUT:
on-err
on-exit
## END
## status: 1

#### trap listing
trap 'echo bye' EXIT
trap -p EXIT
## STDOUT:
trap -- 'echo bye' EXIT
bye
## END

#### exit inside an EXIT trap sets the status
trap 'exit 9' EXIT
exit 1
## status: 9

#### EXIT trap sees variables set later
trap 'echo "v=$v"' EXIT
v=late
## stdout: v=late

#### ERR trap is not inherited by functions without errtrace
trap 'echo trapped' ERR
f() { false; echo in-f; }
f
## STDOUT:
in-f
## END

#### ERR trap in functions with errtrace
set -E
trap 'echo trapped' ERR
f() { false; echo in-f; }
f
## STDOUT:
trapped
in-f
## END
