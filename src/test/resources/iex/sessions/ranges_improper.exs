1..5
1..10//2
5..1
r = 1..3
Enum.to_list(1..5)
Enum.map(1..3, fn x -> x * 2 end)
Enum.to_list(1..10//3)
Enum.to_list(5..1)
[1 | 2]
[1, 2 | 3]
[1 | [2, 3]]
length([1 | 2])
is_list([1 | 2])
Enum.sum(1..10)
Enum.count(1..10)
3 in 1..5
map_size(1..3)
x..y = 1..4
x
y
first..last//step = 1..9//2
step
1..3 == 1..3
Range.new(1, 3)
inspect(1..3)
Enum.reverse(1..4)
Enum.member?(1..5, 6)
1..0
Enum.to_list(1..0)
Enum.to_list(1..0//1)
[h | t] = [1 | 2]
t
hd([1 | 2])
tl([1 | 2])
'ab' ++ 3
[1] ++ 2
Enum.take(1..1000000000, 2)
Enum.at(1..1000000000, -1)
Enum.take(10..1//-3, 9)
