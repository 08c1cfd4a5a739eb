set -- -q -z -r
while getopts :qr: o; do
  case $o in
    :) echo "missing arg for $OPTARG";;
    \?) echo "unknown $OPTARG";;
    *) echo "opt $o";;
  esac
done
echo "OPTIND=$OPTIND"
