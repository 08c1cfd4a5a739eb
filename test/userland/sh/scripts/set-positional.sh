set -- x y z
echo $# $2
set a b
echo $# $1
set --
echo $#
