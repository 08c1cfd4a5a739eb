set -- one two three
echo $# $1 $3
echo "$*"
(exit 5); echo $?
case $$ in *[!0-9]*) echo bad-pid;; *) echo pid-ok;; esac
echo ${10-none}
