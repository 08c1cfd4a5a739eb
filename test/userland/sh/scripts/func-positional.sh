show() { echo "n=$# all=$* first=$1"; }
set -- outer1 outer2
show a b c
echo "outer: $# $1"
