x=1
(x=2; echo inner $x)
echo outer $x
(cd /; pwd)
[ "${PWD##*/}" = subshell-isolation ] && echo cwd-kept
(exit 3); echo $?
