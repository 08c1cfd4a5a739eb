[ = ] && echo eq-alone
[ ! ] && echo bang-alone
[ -n ] && echo n-alone
[ ! = x ] || echo bang-cmp
[ x = x = ] 2>/dev/null; echo $?
[ 1 -eq a ] 2>/dev/null; echo $?
