parse() {
  while [ $# -gt 0 ]; do
    case $1 in
      -v) echo verbose;;
      -o) shift; echo "output=$1";;
      --) shift; break;;
      -*) echo "unknown $1";;
      *) break;;
    esac
    shift
  done
  echo "rest: $*"
}
parse -v -o file -x -- a b
