# getopts loops.

#### simple flags
set -- -a -b file
while getopts ab opt; do echo "opt $opt"; done
shift $((OPTIND - 1))
echo "rest $@"
## STDOUT:
opt a
opt b
rest file
## END

#### flag with an argument
set -- -n 5 -v x
while getopts n:v opt; do
  case $opt in
    n) echo "n=$OPTARG" ;;
    v) echo verbose ;;
  esac
done
echo "OPTIND=$OPTIND"
## STDOUT:
n=5
verbose
OPTIND=4
## END

#### attached argument
set -- -n5 -abc
while getopts n:abc opt; do echo "$opt [${OPTARG-unset}]"; done
## STDOUT:
n [5]
a [unset]
b [unset]
c [unset]
## END

#### grouped flags
set -- -xy
while getopts xy opt; do echo $opt; done
## STDOUT:
x
y
## END

#### unknown option
set -- -z
while getopts a opt; do echo "got $opt"; done
## stdout: got ?
## stderr-contains: illegal option -- z

#### silent mode for unknown option
set -- -z
while getopts :a opt; do echo "got $opt $OPTARG"; done
## stdout: got ? z

#### missing argument
set -- -n
while getopts n: opt; do echo "got $opt"; done
## stdout: got ?
## stderr-contains: option requires an argument -- n

#### silent mode missing argument
set -- -n
while getopts :n: opt; do echo "got $opt $OPTARG"; done
## stdout: got : n

#### double dash ends options
set -- -a -- -b
while getopts ab opt; do echo $opt; done
shift $((OPTIND - 1))
echo "rest $@"
## STDOUT:
a
rest -b
## END

#### stops at the first non-option
set -- -a file -b
while getopts ab opt; do echo $opt; done
echo "OPTIND=$OPTIND"
## STDOUT:
a
OPTIND=2
## END

#### getopts status at the end
set --
getopts a opt
echo "status $? opt=$opt"
## stdout: status 1 opt=?

#### getopts over explicit arguments
while getopts k: opt -k val; do echo "$opt $OPTARG"; done
## stdout: k val

#### getopts in a function with a local OPTIND
parse() {
  local OPTIND opt
  while getopts q opt; do echo "q in $1"; done
}
parse -q
parse -q
## STDOUT:
q in -q
q in -q
## END
