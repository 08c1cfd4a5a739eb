e=
set -- $e; echo $#
set -- "$e"; echo $#
set -- "" ""; echo $#
set -- $e "" $e; echo $#
