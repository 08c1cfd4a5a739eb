parse() {
  OPTIND=1
  while getopts ab:c opt; do
    case $opt in
      a) echo "flag a";;
      b) echo "b with $OPTARG";;
      c) echo "flag c";;
      ?) echo "bad option";;
    esac
  done
  shift $((OPTIND - 1))
  echo "rest: $*"
}
parse -a -b val -c file1 file2
parse -acb inline x
parse -b
parse -- -a
parse -x -a
