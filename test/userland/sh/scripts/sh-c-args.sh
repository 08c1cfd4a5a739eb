sh -c 'echo "$0 $1 $2 $#"' name a b
sh -c 'echo $#'
sh -c 'exit 3'; echo $?
